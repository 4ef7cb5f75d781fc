// Running the built `genwire` binary, and reading the JSON path out of its error message.
import { spawnSync } from 'node:child_process';

export class Genwire {
  constructor(binary) {
    this.binary = binary;
  }

  // {code, out, err} of one run; `input` goes to stdin.
  run(args, input = '') {
    const r = spawnSync(this.binary, args, { input, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error) throw new Error(`cannot run ${this.binary} ${args.join(' ')}: ${r.error.message}`);
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  // stdout parsed as JSON, or an exception naming the command.
  json(args) {
    const r = this.run(args);
    if (r.code !== 0) throw new Error(`genwire ${args.join(' ')} exited ${r.code}: ${r.err}`);
    return JSON.parse(r.out);
  }

  // genwire's verdict on a document: {ok, path, message}; path is null when it is valid.
  validate(endpoint, kind, mode, text) {
    const args = ['validate', endpoint, kind, ...(mode === 'strict' ? ['--strict'] : [])];
    const r = this.run(args, text);
    if (r.code === 0) return { ok: true, path: null, message: '' };
    if (r.code !== 1) throw new Error(`genwire ${args.join(' ')} exited ${r.code}: ${r.err}`);
    return { ok: false, path: pathOfMessage(r.err), message: r.err.trim() };
  }

  // The verdicts on many documents of one kind, in order: one `validate --lines` run for all those
  // on one line (a run per document costs a process start each), one run each for the others.
  validateMany(endpoint, kind, mode, texts) {
    const batch = texts.filter((t) => !t.includes('\n'));
    const args = ['validate', endpoint, kind, '--lines', ...(mode === 'strict' ? ['--strict'] : [])];
    const r = batch.length ? this.run(args, batch.map((t) => t + '\n').join('')) : { code: 0, out: '' };
    if (r.code !== 0 && r.code !== 1) throw new Error(`genwire ${args.join(' ')} exited ${r.code}: ${r.err}`);
    const lines = r.out.split('\n').slice(0, -1);
    if (lines.length !== batch.length) throw new Error(`genwire ${args.join(' ')}: ${lines.length} verdicts for ${batch.length} lines`);
    let next = 0;
    return texts.map((t) => {
      if (t.includes('\n')) return this.validate(endpoint, kind, mode, t);
      const line = lines[next++];
      if (line === 'ok') return { ok: true, path: null, message: '' };
      if (!line.startsWith('invalid ')) throw new Error(`genwire ${args.join(' ')}: unexpected verdict ${line}`);
      const message = line.slice('invalid '.length);
      return { ok: false, path: pathOfMessage(message), message };
    });
  }
}

// "generations[0].status: expected ..., found ... (offset 12)" -> "generations[0].status". A key in
// brackets may itself contain ": ", so the path ends at the first ": " outside a quoted key.
export function pathOfMessage(message) {
  let quoted = false;
  for (let i = 0; i < message.length; ++i) {
    const c = message[i];
    if (quoted && c === '\\') ++i;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === ':' && message[i + 1] === ' ') return message.slice(0, i);
  }
  return message.trim();
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

// A location given as segments (keys and indexes) in genwire's notation: `data[0].input["[0]"]`, `$` for the root.
export function genwirePath(segments) {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (identifier.test(s)) out += (out ? '.' : '') + s;
    else out += `["${s.replace(/["\\]/g, '\\$&')}"]`;
  }
  return out || '$';
}
