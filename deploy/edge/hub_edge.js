// Hub CMS at the edge (nginx's njs): the HCP confirmation checked as the app checks it,
// the cache's namespace, and the app's two requests to the edge (a new policy, and
// "purge everything").
//
// The policy file (written by `manage.py edge_policy`, then by the app's PUT requests)
// holds what the check needs and nothing more:
//   keys        the HMAC keys the confirmation cookie is signed with (derived from
//               SECRET_KEY and SECRET_KEY_FALLBACKS; not the secret keys themselves),
//   lifetimes   seconds a confirmation lasts, by host name (the gate's setting),
//   default_lifetime   for any other host,
//   namespace   part of every cache key: a new one retires every cached page at once.
// Readers' requests read it as `hub_policy`, which nginx loads with its configuration
// (js_preload_object): reading and parsing the file on every request cost a third of the
// edge's throughput. The two requests that change it write the file, and nginx is
// reloaded when it changes (deploy/stack.py's watcher; a systemd path unit on a server,
// docs/deploy.md), which a graceful reload does without dropping a request.
import fs from 'fs';
import crypto from 'crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function load(r) {
    // hub_policy: nginx's copy of the file, as it was when nginx (re)loaded.
    return typeof hub_policy === 'object' ? hub_policy : {};
}

function current(r) {
    // The file as it is now: what a change is made to.
    try {
        return JSON.parse(fs.readFileSync(r.variables.hub_edge_policy));
    } catch (e) {
        return {};
    }
}

function base62(text) {
    let number = 0;
    for (let i = 0; i < text.length; i++) {
        const digit = BASE62.indexOf(text[i]);
        if (digit < 0) {
            return NaN;
        }
        number = number * 62 + digit;
    }
    return number;
}

// "1" for a confirmation cookie signed with one of the keys and younger than the host's
// lifetime (Django's TimestampSigner: "1:<base62 time>:<base64url HMAC-SHA256>").
function confirmed(r) {
    const value = r.variables.cookie_hcp_confirmed;
    if (!value) {
        return '';
    }
    const parts = value.split(':');
    if (parts.length !== 3 || parts[0] !== '1') {
        return '';
    }
    const p = load(r);
    const signed = parts[0] + ':' + parts[1];
    const keys = p.keys || [];
    let valid = false;
    for (let i = 0; i < keys.length && !valid; i++) {
        const hmac = crypto.createHmac('sha256', Buffer.from(keys[i], 'hex'));
        valid = hmac.update(signed).digest('base64url') === parts[2];
    }
    if (!valid) {
        return '';
    }
    const lifetimes = p.lifetimes || {};
    const lifetime = lifetimes[r.variables.host] !== undefined
        ? lifetimes[r.variables.host] : p.default_lifetime;
    const age = Date.now() / 1000 - base62(parts[1]);
    return age <= lifetime ? '1' : '';
}

function namespace(r) {
    return String(load(r).namespace || 0);
}

// Both at once, "<namespace>:<1 or nothing>": one call into njs a request, not two
// (deploy/nginx.conf splits it with maps).
function edge(r) {
    return namespace(r) + ':' + confirmed(r);
}

function write(r, next) {
    const path = r.variables.hub_edge_policy;
    const temporary = path + '.' + r.variables.request_id;
    fs.writeFileSync(temporary, JSON.stringify(next));
    fs.renameSync(temporary, path);
}

// PURGE <root>/*: every cached page, in one request, by starting a new namespace.
function purgeEverything(r) {
    const p = current(r);
    p.namespace = (p.namespace || 0) + 1;
    write(r, p);
    r.return(204);
}

// PUT /__edge/policy with {keys, lifetimes, default_lifetime}: the namespace stays.
function updatePolicy(r) {
    if (r.method !== 'PUT') {
        r.return(405);
        return;
    }
    let next;
    try {
        next = JSON.parse(r.requestText);
    } catch (e) {
        r.return(400, 'not JSON\n');
        return;
    }
    const wellFormed = Array.isArray(next.keys)
        && next.keys.every((key) => /^[0-9a-f]{64}$/.test(key))
        && typeof next.default_lifetime === 'number'
        && typeof next.lifetimes === 'object';
    if (!wellFormed) {
        r.return(400, 'expected keys, lifetimes and default_lifetime\n');
        return;
    }
    write(r, {
        keys: next.keys,
        lifetimes: next.lifetimes,
        default_lifetime: next.default_lifetime,
        namespace: current(r).namespace || 0,
    });
    r.return(204);
}

export default {confirmed, namespace, edge, purgeEverything, updatePolicy};
