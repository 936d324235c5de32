"""Re-saves a workbook from LibreOffice Calc with a password (LibreOffice's
own OOXML encryption), through UNO: a second independent producer.

    /usr/bin/python3 encrypt_libreoffice.py IN.xlsx OUT.xlsx PASSWORD

LibreOffice 7.4 (Debian 12) can write only Standard encryption (AES-128,
SHA-1) this way: its OOXML filter looks up the engine as the UNO service
com.sun.star.comp.oox.crypto.<CryptoType>, and only "Standard"
(StrongEncryptionDataSpace) is registered. Needs Debian's
libreoffice-calc-nogui and python3-uno."""
import os
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    src, dst, password = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]), sys.argv[3]
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = f"fidelity_crypto_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo",
         f"-env:UserInstallation=file://{profile}",
         f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.5)
        else:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0,
                                           (prop("Hidden", True),))
        if doc is None:
            raise SystemExit(f"LibreOffice could not open {src}")
        # The OOXML filter reads its password from EncryptionData/OOXPassword.
        # The OOXML filter needs CryptoType, or it fails with an I/O error.
        data = [NamedValue("OOXPassword", password), NamedValue("CryptoType", "Standard")]
        try:
            enc = uno.Any("[]com.sun.star.beans.NamedValue", tuple(data))
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(dst), (
                prop("FilterName", "Calc MS Excel 2007 XML"), prop("EncryptionData", enc))))
        finally:
            doc.close(True)
            try:
                desktop.terminate()
            except Exception:
                pass  # the bridge closes as soffice exits
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(office.pid, signal.SIGKILL)  # soffice.bin is a child of the soffice script


main()
