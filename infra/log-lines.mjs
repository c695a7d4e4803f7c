// Turns the services' output into readable, prefixed lines for infra/start.mjs.
// Services log pino JSON (level as a number, time in ms since the epoch, msg, service, scope,
// trace_id, ...); anything that is not such a JSON object passes through unchanged.

const PINO_LEVELS = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

// Fields shown elsewhere in the line (or of no use to a reader at a terminal).
const HIDDEN_FIELDS = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'v']);

const ANSI = { reset: 0, bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36, gray: 90 };
const NAME_COLORS = ['cyan', 'magenta', 'blue', 'green', 'yellow', 'red'].map((c) => ANSI[c]).concat([96, 95, 94, 92]);
const LEVEL_COLORS = { TRACE: ANSI.gray, DEBUG: ANSI.gray, INFO: ANSI.green, WARN: ANSI.yellow, ERROR: ANSI.red, FATAL: ANSI.red };

/**
 * Formats the lines of several named processes.
 * @param {{ names: string[], color: boolean, json: boolean }} options
 *   names: every process that will be printed (fixes the prefix width and each one's color);
 *   color: emit ANSI colors (only when writing to a terminal);
 *   json: pass pino lines through as they are (LOG_FORMAT=json) instead of formatting them.
 */
export function createLineFormatter({ names, color, json }) {
  const width = Math.max(...names.map((n) => n.length));
  const paint = (code, text) => (color && code !== undefined ? `\x1b[${code}m${text}\x1b[0m` : text);
  const prefixes = new Map(
    names.map((name, i) => [name, `${paint(NAME_COLORS[i % NAME_COLORS.length], name.padEnd(width))} | `]),
  );

  /**
   * The printable form of one line `name` wrote: one or more lines (an error's stack follows
   * on its own lines), each carrying the name prefix, without trailing newlines.
   * @param {string} name
   * @param {string} line
   * @returns {string[]}
   */
  return function format(name, line) {
    const prefix = prefixes.get(name) ?? `${name.padEnd(width)} | `;
    const entry = json ? undefined : parsePino(line);
    if (!entry) return [prefix + line];

    const level = PINO_LEVELS[entry.level] ?? String(entry.level);
    const parts = [
      paint(ANSI.gray, clock(entry.time)),
      paint(LEVEL_COLORS[level], level.padEnd(5)),
      entry.msg === undefined ? '' : String(entry.msg),
    ];
    const extra = [];
    for (const [key, value] of Object.entries(entry)) {
      if (HIDDEN_FIELDS.has(key) || value === undefined) continue;
      // The prefix already names the service; say it only when it differs (e.g. a library logger).
      if (key === 'service' && value === name) continue;
      if (isError(value)) {
        parts.push(`${paint(ANSI.dim, `${key}=`)}${quote(value.message ?? '')}`);
        if (value.stack) extra.push(...String(value.stack).split('\n').map((l) => paint(ANSI.dim, `    ${l}`)));
        continue;
      }
      parts.push(`${paint(ANSI.dim, `${key}=`)}${formatValue(value)}`);
    }
    return [prefix + parts.filter((p) => p !== '').join(' '), ...extra.map((l) => prefix + l)];
  };
}

/** The pino record a line holds, or undefined when it is not one. */
function parsePino(line) {
  if (!line.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(line);
    return value && typeof value === 'object' && typeof value.level === 'number' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** HH:MM:SS in local time; pino's `time` is ms since the epoch (an ISO string also works). */
function clock(time) {
  const date = time === undefined ? new Date() : new Date(time);
  const at = Number.isNaN(date.getTime()) ? new Date() : date;
  return [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function isError(value) {
  return value !== null && typeof value === 'object' && typeof value.message === 'string' && 'stack' in value;
}

function formatValue(value) {
  if (value === null || typeof value !== 'object') return quote(value);
  return JSON.stringify(value);
}

/** Bare when unambiguous in `key=value` form, JSON-quoted otherwise. */
function quote(value) {
  const text = String(value);
  return typeof value === 'string' && (text === '' || /[\s"=]/.test(text)) ? JSON.stringify(text) : text;
}
