// Hub CMS at the edge (nginx's njs): the app's two requests to the edge, a new policy and
// "purge everything". Readers' requests never run JavaScript: nginx checks their edge pass
// in C (secure_link, deploy/nginx.conf) against the policy this file keeps.
//
// The policy file is an nginx include (hub_site/cache/edge_policy.py renders it):
//   $hub_confirmation_lifetime   seconds a confirmation lasts, by host name (the gate's setting),
//   $hub_edge_pass_secret        the secret the app signs edge passes with,
//   $hub_edge_ns                 part of every cache key: a new one retires every cached page.
// nginx is reloaded when it changes (deploy/stack.py's watcher; a systemd path unit on a
// server, docs/deploy.md), which a graceful reload does without dropping a request.
import fs from 'fs';

const NAMESPACE = /(map \$host \$hub_edge_ns \{\n {4}default )(\d+)(;)/;
// Exactly what the app renders, so a request to this URL cannot put any other
// configuration into nginx.
const WELL_FORMED = new RegExp(
    '^(#[^\\n]*\\n)*'
    + 'map \\$host \\$hub_confirmation_lifetime \\{\\n'
    + ' {4}default \\d+;\\n'
    + '( {4}[a-z0-9][a-z0-9.-]* \\d+;\\n)*'
    + '\\}\\n'
    + 'map \\$host \\$hub_edge_pass_secret \\{\\n'
    + ' {4}default [0-9a-f]{64};\\n'
    + '\\}\\n'
    + 'map \\$host \\$hub_edge_ns \\{\\n'
    + ' {4}default \\d+;\\n'
    + '\\}\\n$');

function current(r) {
    try {
        return fs.readFileSync(r.variables.hub_edge_policy, 'utf8');
    } catch (e) {
        return '';
    }
}

function namespaceOf(text) {
    const found = NAMESPACE.exec(text);
    return found ? Number(found[2]) : 0;
}

function withNamespace(text, namespace) {
    return text.replace(NAMESPACE, (all, head, old, tail) => head + namespace + tail);
}

function write(r, text) {
    const path = r.variables.hub_edge_policy;
    const temporary = path + '.' + r.variables.request_id;
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, path);
}

// PURGE <root>/*: every cached page, in one request, by starting a new namespace.
function purgeEverything(r) {
    const text = current(r);
    if (!NAMESPACE.test(text)) {
        r.return(500, 'the edge policy has no namespace\n');
        return;
    }
    write(r, withNamespace(text, namespaceOf(text) + 1));
    r.return(204);
}

// PUT /__edge/policy with the policy the app rendered: the namespace stays.
function updatePolicy(r) {
    if (r.method !== 'PUT') {
        r.return(405);
        return;
    }
    const next = r.requestText || '';
    if (!WELL_FORMED.test(next)) {
        r.return(400, 'expected the policy hub_site/cache/edge_policy.py renders\n');
        return;
    }
    write(r, withNamespace(next, namespaceOf(current(r))));
    r.return(204);
}

export default {purgeEverything, updatePolicy};
