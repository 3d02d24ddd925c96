// `npm run cert`: a local certificate authority plus a server certificate for this machine's LAN
// addresses, under DATA_DIR/tls/ (data/tls/ by default). See README, "A trusted certificate on the LAN".
import { join, relative } from 'node:path';
import { lanAddresses, machineName } from '../src/server/lan-addresses';
import { makeLocalCa } from '../src/server/local-ca';
import { readSettings } from '../src/server/settings';

async function main() {
  const settings = readSettings(process.env);
  const host = machineName();
  const ips = lanAddresses();
  const made = await makeLocalCa({ dir: join(settings.dataDir, 'tls'), hostnames: [host, `${host}.local`], ips });
  const show = (p: string) => relative(process.cwd(), p) || p;
  const port = process.env.HTTPS_PORT && process.env.HTTPS_PORT !== 'off' ? process.env.HTTPS_PORT : '8443';
  console.log(`${made.caMade ? 'New certificate authority' : 'Existing certificate authority kept'}: ${show(made.caCert)}`);
  console.log(`Server certificate (until ${made.serverValidTo}) for: ${made.altNames.join(', ')}`);
  if (ips.length === 0) console.log('No LAN address found: connect this PC to the Wi-Fi of the headsets and run `npm run cert` again.');
  console.log(`
Start the server with it:
  TLS_CERT=${show(made.serverCert)} TLS_KEY=${show(made.serverKey)} npm start
Then open ${ips.map((ip) => `https://${ip}:${port}/`).join(' or ') || `https://<this PC's address>:${port}/`}

Install the authority ${show(made.caCert)} once on every device that opens the app${made.caMade ? '' : ' (devices that already have it need nothing new)'}:
  Windows:  double-click it → Install Certificate → Local Machine → "Trusted Root Certification Authorities"
            (or, as administrator: certutil -addstore -f ROOT werkvloer-ca.crt)
  macOS:    sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain werkvloer-ca.crt
  Linux:    sudo cp werkvloer-ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates
            (Chromium/Chrome: certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n werkvloer -i werkvloer-ca.crt)
  Firefox:  Settings → Privacy & Security → Certificates → View Certificates → Authorities → Import
  Quest:    developer mode on, USB cable, then:
              adb push werkvloer-ca.crt /sdcard/Download/
              adb shell am start -a android.settings.SECURITY_SETTINGS
            in the headset: Encryption & credentials → Install a certificate → CA certificate → Download/werkvloer-ca.crt
Keep ${show(made.caKey)} secret: whoever has it can make certificates these devices trust.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
