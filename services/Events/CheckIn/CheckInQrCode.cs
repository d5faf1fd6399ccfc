using QRCoder;

namespace Platform.Events.CheckIn;

/// <summary>The QR code a delegate shows at the desk. It carries only the short code: nothing personal, nothing secret.</summary>
public static class CheckInQrCode
{
    public static byte[] Png(string checkInCode)
    {
        using var generator = new QRCodeGenerator();
        // Quartile error correction survives a cracked phone screen or a creased printout.
        using var data = generator.CreateQrCode(checkInCode, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
