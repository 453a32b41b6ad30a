package io.tokenctl.store;

import java.util.List;

/** A statement and its positional arguments, so tests can check the plan of exactly what runs. */
record Sql(String text, List<Object> args) {
}
