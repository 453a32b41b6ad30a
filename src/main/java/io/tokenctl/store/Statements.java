package io.tokenctl.store;

import org.jdbi.v3.core.Handle;

/** What every concept's statements run on: one handle, inside (or outside) a transaction, and its dialect. */
interface Statements {
    Handle h();

    Dialect dialect();
}
