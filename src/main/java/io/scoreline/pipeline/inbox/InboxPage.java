package io.scoreline.pipeline.inbox;

import java.util.List;
import java.util.Optional;

/** One page of inbox events, newest first, and where the next (older) page starts when there is one. */
public record InboxPage(List<InboxEntry> entries, Optional<InboxCursor> next) {

    public InboxPage {
        entries = List.copyOf(entries);
    }
}
