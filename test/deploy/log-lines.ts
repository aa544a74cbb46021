/** How often `"key":` appears at the top level of one JSON log line. */
export function topLevelCount(line: string, key: string): number {
  let depth = 0;
  let count = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (depth === 1 && line.startsWith(`"${key}":`, i)) count++;
      inString = true;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return count;
}
