// `npm run admin -- create-organisation --name "Opleidingscentrum" --country BE --email admin@centrum.be`
// The first-run path: an organisation (with its country: BE or NL, whose legal limits its stations
// follow) and its admin trainer, with a password typed here (never a default). Uses the same
// DATA_DIR / DATABASE_URL as `npm start`.
import { parseArgs } from 'node:util';
import { createDb } from '../src/server/db/create-db';
import { cliLanguage, passwordProblemText, resetSecondFactorByEmail } from '../src/server/accounts-cli';
import { countrySchema, createOrganisation, PasswordRefused } from '../src/server/organisations';
import { readSettings } from '../src/server/settings';

/** Reads a line without echoing it (a TTY), or the first line of piped input (scripts). */
async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += String(chunk);
    return text.split('\n')[0]!.replace(/\r$/, '');
  }
  process.stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        value = ch === '\u007f' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.on('data', onData);
  });
}

const usage = `usage:
  npm run admin -- create-organisation --name "<organisation>" --country <BE|NL> --email <admin e-mail>
  npm run admin -- --help
--country is where the organisation trains (Belgium or the Netherlands): it picks the stations whose
legal limits apply; an admin can change it later on the dashboard.
The password is asked for (at least 10 characters, hard to guess, not your e-mail or the organisation's
name), or read from WERKVLOER_ADMIN_PASSWORD.

  npm run admin -- reset-second-factor --email <trainer e-mail> [--organisation "<organisation>"]
Removes a trainer's second factor (an admin who lost their phone and recovery codes) and ends their
sessions; they log in with their password and can set up a new one. --organisation (its name or id) is
needed only when the address has accounts in several organisations.
Uses the same DATA_DIR / DATABASE_URL as npm start.`;

/** Where the trainer signs in: the plain port npm start serves this computer on (PORT, 8080 unless set). */
function dashboardAddress(): string {
  const settings = readSettings(process.env);
  return settings.httpPort !== null ? `http://localhost:${settings.httpPort}/dashboard` : `https://localhost:${settings.httpsPort ?? 8443}/dashboard`;
}

async function resetSecondFactor(email: string, organisation: string | undefined) {
  const settings = readSettings(process.env);
  const opened = await createDb({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  try {
    const done = await resetSecondFactorByEmail(opened.db, email, organisation);
    if (done.kind === 'not-found') {
      const where = organisation ? ` in the organisation ${organisation}` : '';
      console.error(`--email: no trainer with the address ${email.toLowerCase()}${where} in ${opened.kind} (${opened.location})`);
      process.exit(1);
    }
    if (done.kind === 'choose-organisation') {
      console.error(`--organisation: ${email.toLowerCase()} has accounts in ${done.organisations.map((o) => `"${o.name}" (${o.id})`).join(', ')}; add --organisation "<name or id>"`);
      process.exit(2);
    }
    // The security log's shape, on this machine's terminal (the server is not involved).
    console.log(JSON.stringify({ security: 'second-factor-removed', by: 'admin-cli', trainerId: done.trainerId, endedSessions: done.endedSessions, time: new Date().toISOString() }));
    console.log(`The second factor of ${email.toLowerCase()} (${done.organisation}) is removed; ${done.endedSessions} session(s) ended. They log in with their password now.`);
  } finally {
    await opened.db.destroy();
  }
}

async function main() {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: 'string' }, country: { type: 'string' }, email: { type: 'string' }, organisation: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || positionals[0] === 'help') {
    console.log(`${usage}\nThe trainer dashboard (after npm start): ${dashboardAddress()}`);
    return;
  }
  if (positionals[0] === 'reset-second-factor' && values.email) return resetSecondFactor(values.email, values.organisation);
  if (positionals[0] !== 'create-organisation' || !values.name || !values.country || !values.email) {
    console.error(usage);
    process.exit(2);
  }
  // A wrong country is named before the password is asked for, not after.
  const country = countrySchema.safeParse(values.country.trim().toUpperCase());
  if (!country.success) {
    console.error(`--country: ${country.error.issues[0]!.message}\n${usage}`);
    process.exit(2);
  }
  const password = process.env.WERKVLOER_ADMIN_PASSWORD ?? (await readPassword(`Password for ${values.email}: `));
  const settings = readSettings(process.env);
  const opened = await createDb({ dataDir: settings.dataDir, databaseUrl: settings.databaseUrl });
  try {
    const { organisationId } = await createOrganisation(opened.db, { name: values.name, email: values.email, password, country: country.data }).catch((error: unknown) => {
      if (!(error instanceof PasswordRefused)) throw error;
      console.error(`password: ${passwordProblemText(error.problem, cliLanguage(process.env))}`);
      process.exit(1);
    });
    console.log(`Organisation "${values.name}" (${country.data}) created (${organisationId}) in ${opened.kind} (${opened.location}).`);
    console.log(`Start the server (npm start), then log in as ${values.email.toLowerCase()} on the dashboard: ${dashboardAddress()}`);
  } finally {
    await opened.db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
