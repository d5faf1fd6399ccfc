"""A real SMTP server for the delivery tests: aiosmtpd (the project's SMTP sink) answering 550 at RCPT TO for any
recipient whose local part starts with "refuse", and 250 otherwise. It prints one line per event on stdout:
"ready", "session" for each connection's greeting (EHLO/HELO), "delivered <recipient>" per accepted recipient."""
import asyncio
import sys

from aiosmtpd.controller import Controller


class RefusingHandler:
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        print("session", flush=True)
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@")[0].lower().startswith("refuse"):
            return "550 5.1.1 <%s>: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        for recipient in envelope.rcpt_tos:
            print("delivered " + recipient, flush=True)
        return "250 OK queued"


async def main(port):
    controller = Controller(RefusingHandler(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    # Runs until the test closes stdin (or kills the process).
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    controller.stop()


asyncio.run(main(int(sys.argv[1])))
