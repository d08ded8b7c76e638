import { connect, describeEvent, followRoundtable } from './index';

// npm start -w @kollegia/partner-client -- <roundtable id> [<cursor>], with KOLLEGIA_TOKEN set
// (e.g. from npm run token) and, elsewhere than on this machine, KOLLEGIA_GATEWAY_WS. Each line
// ends with the event's cursor: pass the last one to go on where it stopped.
const [roundtableId, after] = process.argv.slice(2);
const token = process.env.KOLLEGIA_TOKEN;
if (!roundtableId || !token) {
  console.error(
    'usage: KOLLEGIA_TOKEN=<token> npm start -w @kollegia/partner-client -- <roundtable id> [<cursor>]',
  );
  process.exit(2);
}
const client = connect(process.env.KOLLEGIA_GATEWAY_WS ?? 'ws://127.0.0.1:4000/graphql', token);
followRoundtable(
  client,
  roundtableId,
  (event) => console.log(`${describeEvent(event)}  [${event.cursor}]`),
  (error) => {
    console.error(JSON.stringify(error));
    process.exitCode = 1;
    void client.dispose();
  },
  after,
);
