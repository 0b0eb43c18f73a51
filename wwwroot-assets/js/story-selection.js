// Selecting text in an article to annotate it, with the mouse or the keyboard, and opening an annotation by clicking it.
// Hooks the server renders for it: data-article-text="<article id>" on a column's text, data-offset on its paragraphs
// (the paragraph's start in the article text), data-roving on its claims, data-annotation-id on annotation marks.

let target = null;
let lastSelection = "";

function textBoxOf(node) {
    return (node instanceof Element ? node : node.parentElement)?.closest("[data-article-text]") ?? null;
}

function isTyping(element) {
    return element instanceof HTMLElement && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

// Shift+arrow from a focused claim selects its text, then grows or shrinks the selection a word at a time.
function extendSelection(claim, forward) {
    const selection = document.getSelection();
    const box = claim.closest("[data-article-text]");
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

function report() {
    if (!target) return;
    const selection = document.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
        if (lastSelection !== "") target.invokeMethodAsync("SelectionCleared");
        lastSelection = "";
        return;
    }
    const range = selection.getRangeAt(0);
    const startBox = textBoxOf(range.startContainer);
    const endBox = textBoxOf(range.endContainer);
    let current;
    if (!startBox && !endBox) {
        current = "";
    } else if (startBox !== endBox) {
        current = "error:Select text within one article; this selection spans more than one column or leaves the article text.";
    } else {
        const start = articleOffset(startBox, range.startContainer, range.startOffset, true);
        const end = articleOffset(startBox, range.endContainer, range.endOffset, false);
        current = start === null || end === null || end <= start ? "" : `${startBox.dataset.articleText}:${start}:${end}`;
    }
    if (current === lastSelection) return;
    lastSelection = current;
    if (current === "") target.invokeMethodAsync("SelectionCleared");
    else if (current.startsWith("error:")) target.invokeMethodAsync("SelectionRefused", current.slice(6));
    else {
        const [articleId, start, end] = current.split(":").map(Number);
        target.invokeMethodAsync("SelectionMade", articleId, start, end);
    }
}

const handlers = {
    mouseup() {
        setTimeout(report, 0);
    },
    keyup(event) {
        if (event.shiftKey || event.key.startsWith("Arrow")) report();
    },
    click(event) {
        const mark = event.target instanceof Element ? event.target.closest("[data-article-text] mark[data-annotation-id]") : null;
        if (mark && target && document.getSelection()?.isCollapsed) target.invokeMethodAsync("AnnotationOpened", mark.dataset.annotationId);
    },
    keydown(event) {
        if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
        const claim = event.target instanceof Element ? event.target.closest("[data-article-text] [data-roving]") : null;
        if (claim && event.shiftKey && event.key.startsWith("Arrow")) {
            event.preventDefault();
            extendSelection(claim, event.key === "ArrowRight" || event.key === "ArrowDown");
        } else if (event.key === "a" && lastSelection !== "" && !lastSelection.startsWith("error:") && target) {
            event.preventDefault();
            target.invokeMethodAsync("AnnotateRequested");
        }
    },
};

/** @param dotNetTarget told about text selections and clicks on annotations. Returns what stops listening. */
export function attach(dotNetTarget) {
    target = dotNetTarget;
    lastSelection = "";
    for (const [name, handler] of Object.entries(handlers)) document.addEventListener(name, handler);
    return () => {
        for (const [name, handler] of Object.entries(handlers)) document.removeEventListener(name, handler);
        target = null;
    };
}
