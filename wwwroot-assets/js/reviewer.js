// Keeps the reviewer's display name for a year so later visits and new circuits know it.
export function remember(cookieName, name) {
    document.cookie = `${cookieName}=${encodeURIComponent(name)}; path=/; max-age=31536000; samesite=lax`;
}
