// Keeps the reader's colour mode in a cookie, so the server renders the next page in it.
export function savePreference(name, value) {
    document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=31536000; samesite=lax`;
}
