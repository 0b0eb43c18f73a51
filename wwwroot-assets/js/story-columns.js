// The row of article columns: bringing columns (or a claim in one) into view, and the source strip that names them.
// The page scrolls vertically as one; only the row scrolls sideways, snapping to whole columns.
// Hooks: data-columns (the row), data-article-column (a column), data-source-strip / data-source-jump (the strip).

function row() {
    return document.querySelector("[data-columns]");
}

function columnOf(element) {
    return element.closest("[data-article-column]");
}

/** Scrolls the row sideways, as little as needed, so the given columns show whole: all of them if they fit, else the first. */
export function revealColumns(columns) {
    const scroller = row();
    const shown = columns.filter(Boolean);
    if (!scroller || shown.length === 0) return;
    const origin = scroller.getBoundingClientRect().left - scroller.scrollLeft;
    const left = Math.min(...shown.map(c => c.getBoundingClientRect().left - origin));
    const right = Math.max(...shown.map(c => c.getBoundingClientRect().right - origin));
    const viewLeft = scroller.scrollLeft;
    const viewRight = viewLeft + scroller.clientWidth;
    if (left >= viewLeft - 1 && right <= viewRight + 1) return;
    const target = left < viewLeft ? left : Math.min(left, right - scroller.clientWidth);
    scroller.scrollTo({ left: target, behavior: "instant" });
}

/** Brings a claim into view on the page: its column (with those of the claims given with it) sideways, the sentence itself up or down. */
export function revealClaim(claim, companions = []) {
    revealColumns([claim, ...companions].map(columnOf));
    claim.scrollIntoView({ block: "center", inline: "nearest", behavior: "instant" });
}

/** Brings a new annotation's highlight into view and flashes it once, so the eye finds what was just saved. */
export function revealAnnotation(annotationId) {
    const mark = document.querySelector(`mark[data-annotation-id="${CSS.escape(annotationId)}"]`);
    if (!mark) return;
    revealClaim(mark);
    mark.removeAttribute("data-flash");
    void mark.offsetWidth;
    mark.setAttribute("data-flash", "");
    mark.addEventListener("animationend", () => mark.removeAttribute("data-flash"), { once: true });
}

function jumpTo(event) {
    const jump = event.target instanceof Element ? event.target.closest("[data-source-jump]") : null;
    if (!jump) return;
    const column = document.querySelector(`[data-article-column="${CSS.escape(jump.dataset.sourceJump)}"]`);
    if (column) revealColumns([column]);
}

// Marks the strip's entries whose columns are in view, and keeps the first of them in sight in a strip that scrolls.
function watch() {
    const scroller = row();
    const strip = document.querySelector("[data-source-strip]");
    if (!scroller || !strip || !("IntersectionObserver" in globalThis)) return null;
    const observer = new IntersectionObserver(entries => {
        for (const entry of entries) {
            const chip = strip.querySelector(`[data-source-jump="${CSS.escape(entry.target.dataset.articleColumn)}"]`);
            if (!chip) continue;
            chip.toggleAttribute("data-in-view", entry.intersectionRatio > 0.9);
        }
        const first = strip.querySelector("[data-in-view]");
        const list = first?.closest("ol");
        if (first && list && (first.offsetLeft < list.scrollLeft || first.offsetLeft + first.offsetWidth > list.scrollLeft + list.clientWidth)) {
            list.scrollTo({ left: first.offsetLeft - list.offsetLeft, behavior: "instant" });
        }
    }, { root: scroller, threshold: [0, 0.9, 1] });
    scroller.querySelectorAll("[data-article-column]").forEach(column => observer.observe(column));
    return observer;
}

/** Listens to the strip; returns what stops it. The columns are watched again when the page re-renders them. */
export function attach() {
    document.addEventListener("click", jumpTo);
    let observer = watch();
    let watched = row();
    // Blazor replaces the row when articles are added or removed: watch the new one.
    const mutations = new MutationObserver(() => {
        const current = row();
        const count = current?.querySelectorAll("[data-article-column]").length ?? 0;
        if (current === watched && count === (watched?.dataset.watchedCount | 0)) return;
        observer?.disconnect();
        observer = watch();
        watched = current;
        if (current) current.dataset.watchedCount = String(count);
    });
    mutations.observe(document.body, { childList: true, subtree: true });
    if (watched) watched.dataset.watchedCount = String(watched.querySelectorAll("[data-article-column]").length);
    return () => {
        document.removeEventListener("click", jumpTo);
        observer?.disconnect();
        mutations.disconnect();
    };
}
