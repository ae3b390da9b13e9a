/** A postgres:// URL with its password replaced by ***, for messages and `store.location`. */
export function redactPostgresUrl(location: string): string {
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    // Not parseable as a URL: hide whatever sits between "user:" and "@".
    return location.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
  }
}

/** Removes the URL's password from a text (e.g. a driver error message). */
export function scrubPassword(text: string, location: string): string {
  let password: string;
  try {
    password = decodeURIComponent(new URL(location).password);
  } catch {
    return text;
  }
  return password ? text.split(password).join('***') : text;
}
