// Cross-highlighting on the story page, done in the browser so pointing at a claim answers at once.
// Hooks the server renders for it: data-comparison (the page's comparison), data-article-text (a column's text),
// data-claim-id / data-group-id / data-roving on the claims in it, data-panel-group / data-verdict on the claims
// panel's facts, data-focus-group / data-focus-claim on its buttons.

import { revealClaim } from "./story-columns.js";

const ACTIVE = "is-active";
const COUNTERPART = "is-counterpart";
const CURRENT = "is-current";
const CLAIM = "[data-article-text] [data-claim-id]";

function comparisonRoot() {
    return document.querySelector("[data-comparison]");
}

function claimAt(target, hook = "[data-group-id]") {
    return target instanceof Element ? target.closest(`${CLAIM}${hook}`) : null;
}

function claimsOfGroup(root, groupId) {
    return [...root.querySelectorAll(`${CLAIM}[data-group-id="${CSS.escape(groupId)}"]`)];
}

function clear(root) {
    root.querySelectorAll(`.${ACTIVE}, .${COUNTERPART}`).forEach(el => el.classList.remove(ACTIVE, COUNTERPART));
}

function show(root, groupId, source) {
    clear(root);
    for (const claim of claimsOfGroup(root, groupId)) claim.classList.add(claim === source ? ACTIVE : COUNTERPART);
}

function showClaim(root, claimId) {
    clear(root);
    const claim = root.querySelector(`${CLAIM}[data-claim-id="${CSS.escape(claimId)}"]`);
    if (!claim) return;
    claim.classList.add(ACTIVE);
    revealClaim(claim);
}

function markCurrentInPanel(root, groupId) {
    root.querySelectorAll(`[data-panel-group].${CURRENT}`).forEach(el => el.classList.remove(CURRENT));
    const item = groupId && root.querySelector(`[data-panel-group="${CSS.escape(groupId)}"]`);
    if (item) {
        item.classList.add(CURRENT);
        item.scrollIntoView({ block: "nearest" });
    }
}

let target = null;
let sharedFocus = null;

// The claim this reader is looking at, shown to the others in the story; only changes are sent.
function shareFocus(claimId) {
    if (claimId === sharedFocus || !target) return;
    sharedFocus = claimId;
    target.invokeMethodAsync("ClaimFocused", claimId);
}

function pin(root, groupId, source) {
    root.dataset.pinned = groupId;
    show(root, groupId, source);
    markCurrentInPanel(root, groupId);
    shareFocus(source?.dataset.claimId ?? claimsOfGroup(root, groupId)[0]?.dataset.claimId ?? null);
}

function unpin(root) {
    delete root.dataset.pinned;
    clear(root);
    markCurrentInPanel(root, null);
    shareFocus(null);
}

// Roving focus inside one column: arrow keys move between its claims, and the column's one tab stop follows.
function moveFocus(claim, step) {
    const claims = [...(claim.closest("[data-article-text]")?.querySelectorAll("[data-roving]") ?? [])];
    const next = claims[claims.indexOf(claim) + step];
    if (next) next.focus();
}

function takeTabStop(claim) {
    claim.closest("[data-article-text]")?.querySelectorAll("[data-roving][tabindex='0']").forEach(other => {
        if (other !== claim) other.setAttribute("tabindex", "-1");
    });
    claim.setAttribute("tabindex", "0");
}

function isTyping(element) {
    return element instanceof HTMLElement && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

function stepDisagreement(root, step) {
    const items = [...root.querySelectorAll("[data-panel-group][data-verdict=disagree], [data-panel-group][data-verdict=mixed]")];
    if (items.length === 0) return;
    const current = items.findIndex(item => item.dataset.panelGroup === root.dataset.pinned);
    const next = items[(current + step + items.length) % items.length];
    pin(root, next.dataset.panelGroup, null);
    next.querySelector("button")?.focus({ preventScroll: true });
    // The disputed sentences themselves, not only the panel entry, come into view.
    const [first, ...others] = claimsOfGroup(root, next.dataset.panelGroup);
    if (first) revealClaim(first, others);
}

const handlers = {
    mouseover(event) {
        const root = comparisonRoot();
        const claim = claimAt(event.target);
        if (!root || !claim || root.dataset.pinned) return;
        show(root, claim.dataset.groupId, claim);
    },
    mouseout(event) {
        const root = comparisonRoot();
        const claim = claimAt(event.target);
        if (!root || !claim || root.dataset.pinned || claim.contains(event.relatedTarget)) return;
        clear(root);
    },
    focusin(event) {
        const root = comparisonRoot();
        const focused = claimAt(event.target, "[data-roving]");
        if (focused) takeTabStop(focused);
        const claim = claimAt(event.target);
        if (!root || !claim || root.dataset.pinned) return;
        show(root, claim.dataset.groupId, claim);
    },
    click(event) {
        const root = comparisonRoot();
        if (!root || !(event.target instanceof Element)) return;
        // A click on an annotation opens it (story-selection.js), it does not pin the claim under it.
        if (event.target.closest("[data-article-text] mark[data-annotation-id]") && document.getSelection()?.isCollapsed) return;
        const focusGroup = event.target.closest("[data-focus-group]");
        if (focusGroup) {
            pin(root, focusGroup.dataset.focusGroup, null);
            return;
        }
        const focusClaim = event.target.closest("[data-focus-claim]");
        if (focusClaim) {
            unpin(root);
            showClaim(root, focusClaim.dataset.focusClaim);
            shareFocus(focusClaim.dataset.focusClaim);
            return;
        }
        const claim = claimAt(event.target);
        if (!claim) return;
        if (root.dataset.pinned === claim.dataset.groupId) unpin(root);
        else pin(root, claim.dataset.groupId, claim);
    },
    keydown(event) {
        const root = comparisonRoot();
        if (!root || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
        const focused = claimAt(event.target, "[data-roving]");
        if (focused && event.key.startsWith("Arrow") && !event.shiftKey) {
            event.preventDefault();
            moveFocus(focused, event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : -1);
        } else if (event.key === "j" || event.key === "k") {
            event.preventDefault();
            stepDisagreement(root, event.key === "j" ? 1 : -1);
        } else if (event.key === "Escape") {
            unpin(root);
        } else if (event.key === "Enter") {
            const claim = claimAt(event.target);
            if (claim) pin(root, claim.dataset.groupId, claim);
        }
    },
};

/** @param dotNetTarget told which claim this reader is looking at. Returns pinClaim and what stops listening. */
export function attach(dotNetTarget) {
    target = dotNetTarget;
    for (const [name, handler] of Object.entries(handlers)) document.addEventListener(name, handler);
    return {
        /** Pins the claim named in the page's address, as a click on it would, and brings it into view. */
        pinClaim(claimId) {
            const root = comparisonRoot();
            const claim = root?.querySelector(`${CLAIM}[data-claim-id="${CSS.escape(claimId)}"]`);
            if (!claim) return;
            pin(root, claim.dataset.groupId, claim);
            revealClaim(claim);
        },
        detach() {
            for (const [name, handler] of Object.entries(handlers)) document.removeEventListener(name, handler);
            target = null;
            sharedFocus = null;
        },
    };
}
