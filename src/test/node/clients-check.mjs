// Opt-in check: real third-party CRM clients (jsforce, @hubspot/api-client) used unchanged against
// the Scoreline simulators. Reads the line `scoreline sim --json` prints (from a file path given as
// the first argument, or from stdin), runs each client through the calls Scoreline's users make,
// asserts the answers and exits non-zero with a clear message on the first failure of each client.
//
//   node clients-check.mjs /tmp/sim.json
//   scoreline sim --json ... | head -1 | node clients-check.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
// Both packages are CommonJS; loading them through require keeps their documented entry points.
const jsforce = require('jsforce');
const hubspot = require('@hubspot/api-client');

const here = path.dirname(fileURLToPath(import.meta.url));

class CheckFailure extends Error {}

function check(condition, message) {
    if (!condition) {
        throw new CheckFailure(message);
    }
}

function readSimDescription() {
    const source = process.argv[2];
    const text = source && source !== '-' ? readFileSync(source, 'utf8') : readFileSync(0, 'utf8');
    // The launcher may print build notes before the JSON line: take the last line that is an object.
    const line = text.split(/\r?\n/).map(l => l.trim()).filter(l => l.startsWith('{')).pop();
    if (!line) {
        throw new CheckFailure(`no JSON line from 'scoreline sim --json' in ${source ?? 'stdin'}`);
    }
    const sim = JSON.parse(line);
    check(sim.salesforce?.login_url && sim.hubspot?.base_url,
        'the sim --json line lacks salesforce.login_url or hubspot.base_url');
    return sim;
}

function duplicates(ids) {
    const seen = new Set();
    const dup = new Set();
    for (const id of ids) {
        (seen.has(id) ? dup : seen).add(id);
    }
    return [...dup];
}

// ---------------------------------------------------------------------------------------------
// Salesforce through jsforce
// ---------------------------------------------------------------------------------------------

async function checkJsforce(sf) {
    const notes = [];
    const oauth2 = new jsforce.OAuth2({ loginUrl: sf.login_url, clientId: sf.client_id, clientSecret: sf.client_secret });

    // OAuth2 refresh-token grant against the login URL, the same call jsforce's refresh delegate makes.
    const token = await oauth2.refreshToken(sf.refresh_token);
    check(typeof token.access_token === 'string' && token.access_token.length > 0, 'token response lacks access_token');
    check(token.instance_url, 'token response lacks instance_url');
    const [orgId, userId] = token.id.split('/').slice(-2);
    check(/^[A-Za-z0-9]{18}$/.test(orgId) && /^[A-Za-z0-9]{18}$/.test(userId),
        `identity URL ${token.id} does not end in /{orgId18}/{userId18}`);
    check(orgId === sf.org_id, `identity URL names org ${orgId}, sim --json says ${sf.org_id}`);
    const conn = new jsforce.Connection({
        oauth2,
        instanceUrl: token.instance_url,
        accessToken: token.access_token,
        refreshToken: sf.refresh_token,
        version: '56.0',
    });
    notes.push(`oauth refresh ok (org ${orgId})`);

    // Query with autoFetch: 200-row batches force several queryMore round trips through nextRecordsUrl.
    const soql = 'SELECT Id, Subject, OwnerId, Owner.Email, ActivityDate, Status, CreatedDate FROM Task '
        + 'ORDER BY CreatedDate, Id';
    const pages = [];
    const rows = [];
    let totalSize = -1;
    await new Promise((resolve, reject) => {
        const query = conn.query(soql, { autoFetch: true, maxFetch: 1_000_000, headers: { 'Sforce-Query-Options': 'batchSize=200' } });
        query.on('record', record => rows.push(record));
        query.on('fetch', () => pages.push(rows.length));
        query.on('end', () => {
            totalSize = query.totalSize;
            resolve();
        });
        query.on('error', reject);
        query.run({ autoFetch: true, maxFetch: 1_000_000 });
    });
    check(rows.length > 0, 'Task query returned no rows');
    check(rows.length === totalSize, `autoFetch delivered ${rows.length} Task rows but totalSize is ${totalSize}`);
    check(pages.length > 1, `expected several pages with batchSize=200, got ${pages.length} for ${rows.length} rows`);
    const dupTasks = duplicates(rows.map(r => r.Id));
    check(dupTasks.length === 0, `queryMore paging repeated Task ids: ${dupTasks.slice(0, 5).join(', ')}`);
    const first = rows[0];
    for (const field of ['Id', 'Subject', 'OwnerId', 'Status', 'CreatedDate']) {
        check(field in first, `Task row lacks ${field}: ${JSON.stringify(first)}`);
    }
    check(first.attributes?.type === 'Task', `Task row attributes.type is ${first.attributes?.type}`);
    check(first.Owner === null || typeof first.Owner?.Email === 'string', `Owner.Email is not a nested object: ${JSON.stringify(first.Owner)}`);
    notes.push(`query+queryMore ${rows.length} Tasks in ${pages.length} pages, no duplicates`);

    // Explicit queryMore, as a caller that pages by hand would do it.
    const firstPage = await conn.query(soql, { autoFetch: false, headers: { 'Sforce-Query-Options': 'batchSize=200' } });
    check(firstPage.done === false && firstPage.nextRecordsUrl, 'first page of a multi-page query has no nextRecordsUrl');
    const secondPage = await conn.queryMore(firstPage.nextRecordsUrl);
    check(secondPage.records.length > 0, 'queryMore returned no records');
    check(secondPage.records[0].Id === rows[firstPage.records.length].Id,
        'queryMore page 2 does not continue where page 1 ended');

    // queryAll (scanAll) sees the soft-deleted rows too.
    const all = await conn.query('SELECT COUNT() FROM Task', { scanAll: true });
    const live = await conn.query('SELECT COUNT() FROM Task');
    check(all.totalSize >= live.totalSize && live.totalSize === rows.length,
        `COUNT(): queryAll ${all.totalSize}, query ${live.totalSize}, fetched rows ${rows.length}`);
    notes.push(`COUNT() ${live.totalSize} live, ${all.totalSize} with deleted`);

    // describe
    const describe = await conn.sobject('Task').describe();
    check(describe.name === 'Task', `describe name is ${describe.name}`);
    const fieldNames = new Set(describe.fields.map(f => f.name));
    for (const field of ['Id', 'Subject', 'OwnerId', 'Status', 'CallDurationInSeconds', 'IsDeleted']) {
        check(fieldNames.has(field), `describe(Task) lacks field ${field}`);
    }
    notes.push(`describe(Task) ${describe.fields.length} fields`);

    // limits and the Sforce-Limit-Info header jsforce parses on every call
    const limits = await conn.limits();
    check(limits.DailyApiRequests && Number.isInteger(limits.DailyApiRequests.Max)
        && Number.isInteger(limits.DailyApiRequests.Remaining), `limits lacks DailyApiRequests: ${JSON.stringify(limits).slice(0, 200)}`);
    const usage = conn.limitInfo?.apiUsage;
    check(usage && usage.used > 0 && usage.limit === limits.DailyApiRequests.Max,
        `Sforce-Limit-Info not parsed or inconsistent with /limits: ${JSON.stringify(conn.limitInfo)}`);
    notes.push(`limits ${limits.DailyApiRequests.Remaining}/${limits.DailyApiRequests.Max}, api-usage ${usage.used}/${usage.limit}`);

    // getDeleted and getUpdated over the last 14 days (inside Salesforce's 15- and 30-day windows).
    const end = new Date();
    const start = new Date(end.getTime() - 14 * 24 * 3600 * 1000);
    const deleted = await conn.sobject('Task').deleted(start, end);
    check(Array.isArray(deleted.deletedRecords), `deleted() lacks deletedRecords: ${JSON.stringify(deleted).slice(0, 200)}`);
    check(deleted.latestDateCovered, 'deleted() lacks latestDateCovered');
    for (const record of deleted.deletedRecords) {
        check(record.id && record.deletedDate, `deleted record without id/deletedDate: ${JSON.stringify(record)}`);
    }
    // Every id getDeleted names must be a soft-deleted row that queryAll still shows (the window may
    // hold fewer than all of them when the data reaches further back than 14 days).
    const binned = await conn.query('SELECT Id FROM Task WHERE IsDeleted = true', { scanAll: true, autoFetch: true, maxFetch: 1_000_000 });
    const binnedIds = new Set(binned.records.map(r => r.Id));
    check(binnedIds.size === all.totalSize - live.totalSize,
        `queryAll finds ${binnedIds.size} Tasks with IsDeleted = true, COUNT() difference says ${all.totalSize - live.totalSize}`);
    check(deleted.deletedRecords.every(r => binnedIds.has(r.id)), 'deleted() names a Task that queryAll does not show as deleted');
    check(deleted.deletedRecords.length > 0 || binnedIds.size === 0, 'deleted() lists nothing although Tasks were deleted');
    const updated = await conn.sobject('Task').updated(start, end);
    check(Array.isArray(updated.ids) && updated.ids.length > 0, `updated() returned no ids: ${JSON.stringify(updated).slice(0, 200)}`);
    notes.push(`deleted() ${deleted.deletedRecords.length}, updated() ${updated.ids.length}`);

    // Bulk API 2.0 query job: create, poll until JobComplete, read the CSV results through the locators.
    const bulkRows = [];
    const bulkStream = await conn.bulk2.query('SELECT Id, Subject, OwnerId FROM Task', { pollInterval: 200, pollTimeout: 60_000 });
    await new Promise((resolve, reject) => {
        bulkStream.on('record', record => bulkRows.push(record));
        bulkStream.on('end', resolve);
        bulkStream.on('error', reject);
    });
    check(bulkRows.length === rows.length, `bulk2 query returned ${bulkRows.length} Tasks, REST query ${rows.length}`);
    check(duplicates(bulkRows.map(r => r.Id)).length === 0, 'bulk2 query results repeated ids');
    check(bulkRows[0].Id && 'Subject' in bulkRows[0] && bulkRows[0].OwnerId, `bulk2 row lacks columns: ${JSON.stringify(bulkRows[0])}`);
    notes.push(`bulk2 query ${bulkRows.length} Tasks`);

    // The SOQL jsforce's own query builder writes, and a single-record read.
    const ownerId = rows[0].OwnerId;
    const recent = await conn.sobject('Task')
        .find({ OwnerId: ownerId, CreatedDate: { $gte: jsforce.SfDate.toDateTimeLiteral(start) } }, ['Id', 'OwnerId', 'CreatedDate'])
        .sort({ CreatedDate: -1, Id: 1 })
        .limit(20);
    check(recent.length > 0 && recent.every(r => r.OwnerId === ownerId), `find({OwnerId}) returned ${recent.length} rows, not all of owner ${ownerId}`);
    check(recent.every((r, i) => i === 0 || r.CreatedDate <= recent[i - 1].CreatedDate), 'find().sort({CreatedDate: -1}) is not descending');
    const one = await conn.sobject('Task').retrieve(rows[0].Id);
    check(one.Id === rows[0].Id && one.attributes?.type === 'Task', `retrieve(${rows[0].Id}) returned ${JSON.stringify(one).slice(0, 200)}`);
    const global = await conn.describeGlobal();
    check(global.sobjects.some(o => o.name === 'Task'), 'describeGlobal lacks Task');
    notes.push(`find/sort/limit ${recent.length}, retrieve, describeGlobal ${global.sobjects.length} objects`);

    // An expired session: jsforce must refresh through the login URL and replay the request.
    let refreshed = false;
    conn.on('refresh', () => {
        refreshed = true;
    });
    conn.accessToken = 'expired-' + conn.accessToken;
    const afterExpiry = await conn.query('SELECT Id FROM User LIMIT 1');
    check(refreshed, 'a 401 did not make jsforce refresh the session');
    check(afterExpiry.records.length === 1, 'query after session refresh returned no User');
    notes.push('401 -> refresh -> replay ok');
    return notes;
}

// ---------------------------------------------------------------------------------------------
// HubSpot through @hubspot/api-client
// ---------------------------------------------------------------------------------------------

async function checkHubSpot(hs) {
    const notes = [];
    // As in production use, the client retries 429 and 5xx answers itself (RetryDecorator). The
    // client keeps its decorators in a process-wide singleton that the latest `new Client` replaces
    // and each API object takes when first touched, so every Client here is built right before use.
    const retrying = () => new hubspot.Client({ accessToken: hs.private_app_token, basePath: hs.base_url, numberOfApiCallRetries: 3 });
    const client = retrying();
    const callProps = ['hs_timestamp', 'hs_call_duration', 'hs_call_disposition', 'hs_call_status', 'hubspot_owner_id'];

    // basicApi.getPage, paged by hand through paging.next.after
    const page = await client.crm.objects.calls.basicApi.getPage(100, undefined, callProps);
    check(page.results.length > 0, 'calls getPage returned no results');
    const call = page.results[0];
    check(call.id && call.createdAt instanceof Date && call.updatedAt instanceof Date,
        `call lacks id/createdAt/updatedAt: ${JSON.stringify(call).slice(0, 300)}`);
    for (const prop of ['hs_timestamp', 'hs_call_duration', 'hubspot_owner_id']) {
        check(prop in call.properties, `call lacks property ${prop}: ${JSON.stringify(call.properties)}`);
    }
    const callIds = [];
    let after;
    let pages = 0;
    do {
        const next = await client.crm.objects.calls.basicApi.getPage(100, after, callProps);
        callIds.push(...next.results.map(r => r.id));
        after = next.paging?.next?.after;
        pages++;
        check(pages < 10_000, 'calls paging does not end');
    } while (after);
    const dupCalls = duplicates(callIds);
    check(dupCalls.length === 0, `calls paging repeated ids: ${dupCalls.slice(0, 5).join(', ')}`);
    check(pages > 1, `expected several pages of 100 calls, got ${pages}`);
    notes.push(`calls getPage ${callIds.length} in ${pages} pages, no duplicates`);

    // searchApi.doSearch with a filter and a sort, paged to the end
    const owners = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, false);
    check(owners.results.length > 0, 'owners getPage returned no owners');
    const owner = owners.results[0];
    for (const field of ['id', 'email', 'firstName', 'lastName', 'userId']) {
        check(owner[field] !== undefined, `owner lacks ${field}: ${JSON.stringify(owner)}`);
    }
    notes.push(`owners ${owners.results.length}`);

    const searchIds = [];
    let total = -1;
    let searchAfter;
    let lastTimestamp = '';
    let searchPages = 0;
    do {
        const result = await client.crm.objects.calls.searchApi.doSearch({
            filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: owner.id }] }],
            sorts: [{ propertyName: 'hs_timestamp', direction: 'ASCENDING' }],
            properties: callProps,
            limit: 50,
            after: searchAfter,
        });
        total = result.total;
        for (const r of result.results) {
            check(r.properties.hubspot_owner_id === owner.id,
                `search filter hubspot_owner_id EQ ${owner.id} returned a call of owner ${r.properties.hubspot_owner_id}`);
            const ts = r.properties.hs_timestamp ?? '';
            check(ts >= lastTimestamp, `search sort hs_timestamp ASCENDING broken: ${ts} after ${lastTimestamp}`);
            lastTimestamp = ts;
            searchIds.push(r.id);
        }
        searchAfter = result.paging?.next?.after;
        searchPages++;
        check(searchPages < 1000, 'search paging does not end');
    } while (searchAfter);
    check(searchIds.length > 0, `search for calls of owner ${owner.id} found nothing`);
    check(searchIds.length === total, `search total ${total} but paging delivered ${searchIds.length}`);
    check(duplicates(searchIds).length === 0, 'search paging repeated ids');
    check(searchIds.every(id => callIds.includes(id)), 'search returned a call that the list does not have');
    notes.push(`search owner ${owner.id}: ${total} calls in ${searchPages} pages, sorted, no duplicates`);

    // The client's own type for sorts is string[]: the simulator must take the bare property name too.
    const byName = await client.crm.objects.calls.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'hs_call_duration', operator: 'HAS_PROPERTY' }] }],
        sorts: ['hs_timestamp'], properties: ['hs_timestamp'], limit: 50,
    });
    check(byName.total > 0 && byName.results.length > 0, 'search with sorts ["hs_timestamp"] found nothing');
    const stamps = byName.results.map(r => r.properties.hs_timestamp);
    check(stamps.every((ts, i) => i === 0 || ts >= stamps[i - 1]), 'search with sorts ["hs_timestamp"] is not ascending');

    // The search rate limit: without retries a burst meets HubSpot's 429; with numberOfApiCallRetries the
    // client's RetryDecorator recognises the exact "secondly limit" message, waits and succeeds.
    const burst = c => Promise.allSettled(Array.from({ length: 12 }, () => c.crm.objects.calls.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: owner.id }] }], limit: 1,
    })));
    await new Promise(resolve => setTimeout(resolve, 1100));
    const plain = await burst(new hubspot.Client({ accessToken: hs.private_app_token, basePath: hs.base_url }));
    const limited = plain.filter(r => r.status === 'rejected');
    check(limited.length > 0, 'a burst of 12 searches was never rate limited');
    for (const r of limited) {
        check(r.reason?.code === 429, `search burst failed with ${r.reason?.code ?? r.reason}`);
        const body = typeof r.reason.body === 'string' ? JSON.parse(r.reason.body) : r.reason.body;
        check(body?.message === 'You have reached your secondly limit.', `search 429 message is ${JSON.stringify(body?.message)}`);
    }
    await new Promise(resolve => setTimeout(resolve, 1100));
    const retried = await burst(retrying());
    const stillFailed = retried.filter(r => r.status === 'rejected');
    check(stillFailed.length === 0, `with numberOfApiCallRetries=3, ${stillFailed.length} of 12 searches still failed: ${stillFailed[0]?.reason?.message}`);
    notes.push(`search burst: ${limited.length}/12 got the secondly 429; all 12 succeed with client retries`);

    // properties
    const after429 = retrying();
    const properties = await after429.crm.properties.coreApi.getAll('calls');
    const propertyNames = new Set(properties.results.map(p => p.name));
    for (const prop of ['hs_timestamp', 'hs_call_duration', 'hs_call_disposition', 'hubspot_owner_id']) {
        check(propertyNames.has(prop), `properties of calls lack ${prop}`);
    }
    notes.push(`properties(calls) ${properties.results.length}`);

    // the getAll helper (it loops getPage until paging.next.after is absent)
    const deals = await after429.crm.deals.getAll(undefined, undefined, ['dealname', 'amount', 'dealstage', 'hubspot_owner_id']);
    check(deals.length > 0, 'deals getAll returned nothing');
    check(duplicates(deals.map(d => d.id)).length === 0, 'deals getAll repeated ids');
    check(deals.every(d => 'dealstage' in d.properties), 'a deal lacks dealstage');
    const dealPage = await after429.crm.deals.basicApi.getPage(100);
    check(deals.length >= dealPage.results.length, 'getAll returned fewer deals than one page');
    notes.push(`deals getAll ${deals.length}`);

    // Single read, batch read (one unknown id makes it a 207 with errors) and the archived listing.
    const single = await after429.crm.objects.calls.basicApi.getById(call.id, callProps);
    check(single.id === call.id && single.properties.hs_call_duration === call.properties.hs_call_duration,
        `getById(${call.id}) differs from the listed call`);
    const batch = await after429.crm.objects.calls.batchApi.read({
        inputs: [{ id: callIds[0] }, { id: callIds[1] }, { id: '999999999999999' }], properties: callProps, propertiesWithHistory: [],
    });
    check(batch.results.length === 2 && batch.results.every(r => callIds.slice(0, 2).includes(r.id)),
        `batch read returned ${batch.results.map(r => r.id)}`);
    check(batch.numErrors === 1 && batch.errors?.length === 1, `batch read with an unknown id: numErrors ${batch.numErrors}`);
    const archived = await after429.crm.objects.calls.basicApi.getPage(100, undefined, callProps, undefined, undefined, true);
    check(archived.results.every(r => r.archived === true && r.archivedAt instanceof Date), 'archived=true listed a live call');
    check(archived.results.every(r => !callIds.includes(r.id)), 'an archived call is also in the live listing');
    // propertiesWithHistory is passed through and the map handed back as is: it must be there when asked for.
    const withHistory = await after429.crm.objects.calls.basicApi.getPage(5, undefined, ['hs_call_status'], ['hs_call_status']);
    check(withHistory.results.every(r => Array.isArray(r.propertiesWithHistory?.hs_call_status)
        && r.propertiesWithHistory.hs_call_status[0]?.value === r.properties.hs_call_status),
        `propertiesWithHistory missing or inconsistent: ${JSON.stringify(withHistory.results[0]).slice(0, 300)}`);
    const sameOwner = await after429.crm.owners.ownersApi.getById(Number(owner.id));
    check(sameOwner.email === owner.email, `owners getById(${owner.id}) returned ${sameOwner.email}`);
    notes.push(`getById, batch read (207 on unknown id), archived ${archived.results.length}, propertiesWithHistory, owner getById`);

    // OAuth refresh-token grant through the client's own TokensApi, then a call with the new token.
    const oauth = await after429.oauth.tokensApi.create('refresh_token', undefined, undefined, hs.client_id,
        hs.client_secret, hs.refresh_token);
    check(oauth.accessToken && oauth.expiresIn > 0 && oauth.tokenType, `oauth token response lacks fields: ${JSON.stringify(oauth)}`);
    const viaOAuth = new hubspot.Client({ accessToken: oauth.accessToken, basePath: hs.base_url });
    const oauthPage = await viaOAuth.crm.objects.calls.basicApi.getPage(1);
    check(oauthPage.results.length === 1, 'a call with the refreshed OAuth token returned nothing');
    notes.push(`oauth refresh -> token (${oauth.expiresIn} s) works`);

    // A bad token gives an ApiException carrying HubSpot's error body.
    const stranger = new hubspot.Client({ accessToken: 'pat-na1-00000000-0000-0000-0000-000000000000', basePath: hs.base_url });
    try {
        await stranger.crm.objects.calls.basicApi.getPage(1);
        check(false, 'a bad private-app token was accepted');
    } catch (e) {
        if (e instanceof CheckFailure) {
            throw e;
        }
        check(e.code === 401, `bad token answered ${e.code}, expected 401`);
        const body = typeof e.body === 'string' ? JSON.parse(e.body) : e.body;
        check(body?.category && body?.correlationId && body?.message, `401 body lacks category/correlationId/message: ${JSON.stringify(e.body)}`);
    }
    notes.push('bad token -> 401 ApiException');

    notes.push(...checkWebhookSignatures());
    return notes;
}

// A webhook delivery recorded from the simulator's emitter (see README.md): the client's own
// Signature.isValid must accept both the v1 and the v3 signature it carries.
function checkWebhookSignatures() {
    const delivery = JSON.parse(readFileSync(path.join(here, 'fixtures', 'hubspot-webhook-delivery.json'), 'utf8'));
    const header = name => delivery.headers[Object.keys(delivery.headers).find(k => k.toLowerCase() === name.toLowerCase())];
    const timestamp = Number(header('X-HubSpot-Request-Timestamp'));
    const v1 = hubspot.Signature.isValid({
        signatureVersion: 'v1', signature: header('X-HubSpot-Signature'), clientSecret: delivery.clientSecret,
        requestBody: delivery.body,
    });
    check(v1, 'Signature.isValid v1 rejects the simulator webhook signature');
    // The recorded delivery is older than the client's 5-minute window: pin the clock to it.
    const realNow = Date.now;
    Date.now = () => timestamp + 1000;
    let v3;
    try {
        v3 = hubspot.Signature.isValid({
            signatureVersion: 'v3', signature: header('X-HubSpot-Signature-v3'), clientSecret: delivery.clientSecret,
            requestBody: delivery.body, url: delivery.url, method: delivery.method, timestamp,
        });
    } finally {
        Date.now = realNow;
    }
    check(v3, 'Signature.isValid v3 rejects the simulator webhook signature');
    const events = JSON.parse(delivery.body);
    check(Array.isArray(events) && events.length > 0 && events.length <= 100, 'webhook body is not a batch of 1..100 events');
    return [`webhook signatures v1+v3 valid (${events.length} events)`];
}

// ---------------------------------------------------------------------------------------------

async function run(name, fn) {
    const started = Date.now();
    try {
        const notes = await fn();
        console.log(`PASS ${name} (${Date.now() - started} ms)`);
        for (const note of notes) {
            console.log(`  - ${note}`);
        }
        return true;
    } catch (e) {
        const what = e instanceof CheckFailure ? e.message
            : `${e.name ?? 'Error'}: ${e.message}${e.code ? ` (code ${e.code})` : ''}${e.body ? ` body ${JSON.stringify(e.body).slice(0, 300)}` : ''}`;
        console.log(`FAIL ${name}: ${what}`);
        if (!(e instanceof CheckFailure) && process.env.CLIENTS_CHECK_DEBUG) {
            console.log(e.stack);
        }
        return false;
    }
}

let sim;
try {
    sim = readSimDescription();
} catch (e) {
    console.log(`FAIL input: ${e.message}`);
    process.exit(2);
}
const results = [
    await run(`jsforce ${jsforce.VERSION} against ${sim.salesforce.login_url}`, () => checkJsforce(sim.salesforce)),
    await run(`@hubspot/api-client ${require("@hubspot/api-client/package.json").version} against ${sim.hubspot.base_url}`, () => checkHubSpot(sim.hubspot)),
];
const failed = results.filter(ok => !ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
