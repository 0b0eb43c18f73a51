// The story page's browser side: highlighting (story-highlight.js), selecting text to annotate (story-selection.js)
// and the row of columns with its source strip (story-columns.js), attached and detached together.

import * as columns from "./story-columns.js";
import * as highlight from "./story-highlight.js";
import * as selection from "./story-selection.js";

/** @param dotNetTarget the story page, told about text selections, clicks on annotations and the claim being looked at. */
export function attach(dotNetTarget) {
    const highlighting = highlight.attach(dotNetTarget);
    const stopSelecting = selection.attach(dotNetTarget);
    const stopColumns = columns.attach();
    // A global rather than an attribute on <html>: enhanced navigation rewrites the root element's attributes.
    globalThis.coverageCompare = { ...globalThis.coverageCompare, highlighting: true };
    return {
        pinClaim: claimId => highlighting.pinClaim(claimId),
        revealAnnotation: annotationId => columns.revealAnnotation(annotationId),
        detach() {
            highlighting.detach();
            stopSelecting();
            stopColumns();
            globalThis.coverageCompare = { ...globalThis.coverageCompare, highlighting: false };
        },
    };
}
