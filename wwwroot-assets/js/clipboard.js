// Copies text for a "Copy" button. navigator.clipboard needs a secure context (https or localhost); elsewhere the
// answer is false and the page asks the person to copy by hand.
export async function copyText(text) {
    if (!navigator.clipboard || !window.isSecureContext) return false;
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        return false;
    }
}
