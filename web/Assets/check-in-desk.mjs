// The check-in desk's QR reader (Pages/Manage/Events/CheckIn.cshtml), bundled by Assets/build.mjs into its own file
// so no other page loads it. Progressive enhancement only: the desk is a form that takes the typed code, and this
// shows the camera only where the browser can read QR codes itself (BarcodeDetector: Chrome and Edge on Android,
// ChromeOS and macOS, Samsung Internet) and has a camera; elsewhere nothing changes. A code read fills in the same
// field and sends the same form, so a scan and a typed code are one path on the server.
const scanner = document.querySelector("[data-check-in-scanner]");
const form = document.getElementById("check-in-form");
const field = document.getElementById("Code");

if (scanner && form && field && "BarcodeDetector" in window && navigator.mediaDevices?.getUserMedia) {
  start().catch(() => {});
}

async function start() {
  const formats = await window.BarcodeDetector.getSupportedFormats();
  if (!formats.includes("qr_code")) return;
  const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  const video = scanner.querySelector("[data-scanner-video]");
  const startButton = scanner.querySelector("[data-scanner-start]");
  const stopButton = scanner.querySelector("[data-scanner-stop]");
  const status = scanner.querySelector("[data-scanner-status]");
  let stream = null;
  let timer = null;

  const stop = () => {
    clearInterval(timer);
    stream?.getTracks().forEach((track) => track.stop());
    stream = null;
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
  };

  startButton.addEventListener("click", async () => {
    try {
      // The back camera on a phone; any camera elsewhere.
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    } catch {
      status.textContent = "The camera could not be started. Type the code instead.";
      return;
    }
    video.srcObject = stream;
    video.hidden = false;
    startButton.hidden = true;
    stopButton.hidden = false;
    await video.play();
    status.textContent = "Looking for a QR code…";
    // A few reads a second is plenty for a code held up to the camera, and spares a phone's battery.
    timer = setInterval(async () => {
      if (video.readyState < 2) return;
      const [code] = await detector.detect(video).catch(() => []);
      if (!code?.rawValue) return;
      stop();
      field.value = code.rawValue;
      status.textContent = `Read ${code.rawValue}. Checking in…`;
      form.requestSubmit();
    }, 250);
  });
  stopButton.addEventListener("click", () => {
    stop();
    status.textContent = "";
  });
  window.addEventListener("pagehide", stop);
  scanner.hidden = false;
}
