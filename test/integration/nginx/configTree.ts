// A minimal nginx config reader for assertions on structure: which directive sits in which block.
// Handles comments, quoted strings with escapes, blocks and simple directives; enough for our own
// rendered configs, not a general parser.

export interface Directive {
  readonly name: string;
  readonly args: string[];
  /** Enclosing block names from the top, e.g. ["http", "server", "location"]. */
  readonly path: string[];
  readonly children: Directive[];
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
    } else if (c === "{" || c === "}" || c === ";") {
      tokens.push(c);
      i++;
    } else if (c === "'" || c === '"') {
      let value = "";
      i++;
      while (i < text.length && text[i] !== c) {
        if (text[i] === "\\") i++;
        value += text[i++];
      }
      i++;
      tokens.push(value);
    } else {
      let value = "";
      while (i < text.length && !/[\s{};]/.test(text[i])) value += text[i++];
      tokens.push(value);
    }
  }
  return tokens;
}

export function parseNginxConfig(text: string): Directive[] {
  const tokens = tokenize(text);
  let position = 0;
  function block(path: string[]): Directive[] {
    const directives: Directive[] = [];
    while (position < tokens.length && tokens[position] !== "}") {
      const words: string[] = [];
      while (tokens[position] !== ";" && tokens[position] !== "{") {
        if (position >= tokens.length) throw new Error("unterminated directive");
        words.push(tokens[position++]);
      }
      const [name, ...args] = words;
      if (tokens[position++] === "{") {
        const children = block([...path, name]);
        position++; // "}"
        directives.push({ name, args, path, children });
      } else {
        directives.push({ name, args, path, children: [] });
      }
    }
    return directives;
  }
  return block([]);
}

/** Every directive named `name`, at any depth. */
export function findAll(directives: Directive[], name: string): Directive[] {
  return directives.flatMap((d) => [...(d.name === name ? [d] : []), ...findAll(d.children, name)]);
}
