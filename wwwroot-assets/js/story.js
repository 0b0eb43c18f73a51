// Cross-highlighting and text selection on the story page, done in the browser so pointing at a claim answers at once.
// Everything is read from data attributes the server renders: data-claim-id, data-group-id, data-relation,
// data-focus-group / data-focus-claim on the claims panel.

const ACTIVE = "is-active";
const COUNTERPART = "is-counterpart";
const CURRENT = "is-current";

function comparisonRoot() {
    return document.querySelector("[data-comparison]");
}

function claimsOfGroup(root, groupId) {
    return root.querySelectorAll(`.claim[data-group-id="${CSS.escape(groupId)}"]`);
}

function clear(root) {
    root.querySelectorAll(`.${ACTIVE}, .${COUNTERPART}`).forEach(el => el.classList.remove(ACTIVE, COUNTERPART));
}

// Scrolls a claim into view inside its own column only, so the page and the other columns stay put.
function revealInColumn(claim) {
    const box = claim.closest(".article-text");
    if (!box) return;
    const top = claim.offsetTop - box.offsetTop;
    const bottom = top + claim.offsetHeight;
    if (top < box.scrollTop || bottom > box.scrollTop + box.clientHeight) {
        box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
}

function show(root, groupId, source) {
    clear(root);
    const sourceColumn = source?.closest("[data-testid=article-column]");
    const firstPerColumn = new Map();
    for (const claim of claimsOfGroup(root, groupId)) {
        claim.classList.add(claim === source ? ACTIVE : COUNTERPART);
        const column = claim.closest("[data-testid=article-column]");
        if (column && column !== sourceColumn && !firstPerColumn.has(column)) firstPerColumn.set(column, claim);
    }
    firstPerColumn.forEach(revealInColumn);
}

function showClaim(root, claimId) {
    clear(root);
    const claim = root.querySelector(`.claim[data-claim-id="${CSS.escape(claimId)}"]`);
    if (!claim) return;
    claim.classList.add(ACTIVE);
    revealInColumn(claim);
    claim.closest("[data-testid=article-column]")?.scrollIntoView({ block: "nearest", inline: "nearest" });
}

function markCurrentInPanel(root, groupId) {
    root.querySelectorAll(`[data-testid=claim-group].${CURRENT}`).forEach(el => el.classList.remove(CURRENT));
    const item = groupId && root.querySelector(`[data-testid=claim-group][data-group-id="${CSS.escape(groupId)}"]`);
    if (item) {
        item.classList.add(CURRENT);
        item.scrollIntoView({ block: "nearest" });
    }
}

let selectionTarget = null;
let sharedFocus = null;

// The claim this reader is looking at, shown to the others in the story; only changes are sent.
function shareFocus(claimId) {
    if (claimId === sharedFocus || !selectionTarget) return;
    sharedFocus = claimId;
    selectionTarget.invokeMethodAsync("ClaimFocused", claimId);
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
    const claims = [...(claim.closest(".article-text")?.querySelectorAll(".claim[data-roving]") ?? [])];
    const next = claims[claims.indexOf(claim) + step];
    if (next) next.focus();
}

function takeTabStop(claim) {
    claim.closest(".article-text")?.querySelectorAll(".claim[data-roving][tabindex='0']").forEach(other => {
        if (other !== claim) other.setAttribute("tabindex", "-1");
    });
    claim.setAttribute("tabindex", "0");
}

// Shift+arrow from a focused claim selects its text, then grows or shrinks the selection a word at a time.
function extendSelection(claim, forward) {
    const selection = document.getSelection();
    const box = claim.closest(".article-text");
    if (!selection || !box) return;
    const inside = selection.rangeCount > 0 && box.contains(selection.anchorNode);
    if (!inside || selection.isCollapsed) {
        const range = document.createRange();
        range.selectNodeContents(claim);
        selection.removeAllRanges();
        selection.addRange(range);
        if (forward) return;
    }
    selection.modify("extend", forward ? "forward" : "backward", "word");
}

function isTyping(target) {
    return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

function stepDisagreement(root, step) {
    const items = [...root.querySelectorAll("[data-testid=claim-group][data-verdict=disagree], [data-testid=claim-group][data-verdict=mixed]")];
    if (items.length === 0) return;
    const current = items.findIndex(item => item.dataset.groupId === root.dataset.pinned);
    const next = items[(current + step + items.length) % items.length];
    pin(root, next.dataset.groupId, null);
    next.querySelector("button")?.focus({ preventScroll: true });
    // The disputed sentences themselves, not only the panel entry, come into view.
    claimsOfGroup(root, next.dataset.groupId)[0]?.scrollIntoView({ block: "center", inline: "nearest" });
}

// Offsets of a selection end, in UTF-16 code units of the article text: paragraphs carry their start in data-offset.
function articleOffset(box, node, offset, isStart) {
    const element = node instanceof Element ? node : node.parentElement;
    const paragraph = element?.closest("p[data-offset]");
    if (paragraph && box.contains(paragraph)) {
        const range = document.createRange();
        range.setStart(paragraph, 0);
        range.setEnd(node, offset);
        return Number(paragraph.dataset.offset) + range.toString().length;
    }
    // The end lies between paragraphs: a start moves to the next paragraph, an end back to the previous one.
    const paragraphs = [...box.querySelectorAll("p[data-offset]")];
    const point = document.createRange();
    point.setStart(node, offset);
    point.collapse(true);
    const next = paragraphs.findIndex(p => point.comparePoint(p, 0) > 0);
    if (isStart) return next === -1 ? null : Number(paragraphs[next].dataset.offset);
    const previous = next === -1 ? paragraphs.at(-1) : paragraphs[next - 1];
    return previous ? Number(previous.dataset.offset) + previous.textContent.length : null;
}

let lastSelection = "";

function reportSelection() {
    if (!selectionTarget) return;
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        if (lastSelection !== "") selectionTarget.invokeMethodAsync("SelectionCleared");
        lastSelection = "";
        return;
    }
    const range = selection.getRangeAt(0);
    const startBox = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest(".article-text");
    const endBox = (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.closest(".article-text");
    let report;
    if (!startBox && !endBox) {
        report = "";
    } else if (startBox !== endBox) {
        report = "error:Select text within one article; this selection spans more than one column or leaves the article text.";
    } else {
        const start = articleOffset(startBox, range.startContainer, range.startOffset, true);
        const end = articleOffset(startBox, range.endContainer, range.endOffset, false);
        report = start === null || end === null || end <= start ? "" : `${startBox.dataset.articleId}:${start}:${end}`;
    }
    if (report === lastSelection) return;
    lastSelection = report;
    if (report === "") selectionTarget.invokeMethodAsync("SelectionCleared");
    else if (report.startsWith("error:")) selectionTarget.invokeMethodAsync("SelectionRefused", report.slice(6));
    else {
        const [articleId, start, end] = report.split(":").map(Number);
        selectionTarget.invokeMethodAsync("SelectionMade", articleId, start, end);
    }
}

const handlers = {
    mouseover(event) {
        const root = comparisonRoot();
        const claim = event.target instanceof Element ? event.target.closest(".claim[data-group-id]") : null;
        if (!root || !claim || root.dataset.pinned) return;
        show(root, claim.dataset.groupId, claim);
    },
    mouseout(event) {
        const root = comparisonRoot();
        const claim = event.target instanceof Element ? event.target.closest(".claim[data-group-id]") : null;
        if (!root || !claim || root.dataset.pinned || claim.contains(event.relatedTarget)) return;
        clear(root);
    },
    focusin(event) {
        const root = comparisonRoot();
        const focused = event.target instanceof Element ? event.target.closest(".claim[data-roving]") : null;
        if (focused) takeTabStop(focused);
        const claim = event.target instanceof Element ? event.target.closest(".claim[data-group-id]") : null;
        if (!root || !claim || root.dataset.pinned) return;
        show(root, claim.dataset.groupId, claim);
    },
    mouseup() {
        setTimeout(reportSelection, 0);
    },
    keyup(event) {
        if (event.shiftKey || event.key.startsWith("Arrow")) reportSelection();
    },
    click(event) {
        const root = comparisonRoot();
        if (!root || !(event.target instanceof Element)) return;
        const annotation = event.target.closest("mark[data-annotation-id]");
        if (annotation && selectionTarget && document.getSelection()?.isCollapsed) {
            selectionTarget.invokeMethodAsync("AnnotationOpened", annotation.dataset.annotationId);
            return;
        }
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
        const claim = event.target.closest(".claim[data-group-id]");
        if (!claim) return;
        if (root.dataset.pinned === claim.dataset.groupId) unpin(root);
        else pin(root, claim.dataset.groupId, claim);
    },
    keydown(event) {
        const root = comparisonRoot();
        if (!root || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
        const focused = event.target instanceof Element ? event.target.closest(".claim[data-roving]") : null;
        if (focused && event.key.startsWith("Arrow")) {
            event.preventDefault();
            const forward = event.key === "ArrowRight" || event.key === "ArrowDown";
            if (event.shiftKey) extendSelection(focused, forward);
            else moveFocus(focused, forward ? 1 : -1);
            return;
        }
        if (event.key === "a" && lastSelection !== "" && !lastSelection.startsWith("error:") && selectionTarget) {
            event.preventDefault();
            selectionTarget.invokeMethodAsync("AnnotateRequested");
            return;
        }
        if (event.key === "j" || event.key === "k") {
            event.preventDefault();
            stepDisagreement(root, event.key === "j" ? 1 : -1);
        } else if (event.key === "Escape") {
            unpin(root);
        } else if (event.key === "Enter") {
            const claim = event.target instanceof Element ? event.target.closest(".claim[data-group-id]") : null;
            if (claim) pin(root, claim.dataset.groupId, claim);
        }
    },
};

/** @param dotNetTarget the story page, told about text selections, clicks on annotations and the claim being looked at. */
export function attach(dotNetTarget) {
    selectionTarget = dotNetTarget;
    for (const [name, handler] of Object.entries(handlers)) document.addEventListener(name, handler);
    // A global rather than an attribute on <html>: enhanced navigation rewrites the root element's attributes.
    globalThis.coverageCompare = { ...globalThis.coverageCompare, highlighting: true };
    return {
        /** Pins the claim named in the page's address, as a click on it would. */
        pinClaim(claimId) {
            const root = comparisonRoot();
            const claim = root?.querySelector(`.claim[data-claim-id="${CSS.escape(claimId)}"]`);
            if (!claim) return;
            pin(root, claim.dataset.groupId, claim);
            claim.scrollIntoView({ block: "center", inline: "nearest" });
        },
        detach() {
            for (const [name, handler] of Object.entries(handlers)) document.removeEventListener(name, handler);
            selectionTarget = null;
            sharedFocus = null;
            globalThis.coverageCompare = { ...globalThis.coverageCompare, highlighting: false };
        },
    };
}
