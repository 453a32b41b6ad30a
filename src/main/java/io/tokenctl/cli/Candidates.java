package io.tokenctl.cli;

import io.tokenctl.api.TokenStatus;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** Values the shell completion scripts offer, declared on options with picocli's {@code completionCandidates}. */
final class Candidates {
    private Candidates() {
    }

    /** {@code --status}: the stored statuses plus the derived {@code expired}. */
    static final class Statuses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TokenStatus.values()).map(TokenStatus::wire).iterator();
        }
    }

    /** {@code --app-default}: how a new app's first use is treated. */
    static final class AppStates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(io.tokenctl.api.AppState.values()).map(io.tokenctl.api.AppState::wire).iterator();
        }
    }

    /** {@code --format}: opaque or jwt. */
    static final class Formats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(io.tokenctl.api.TokenFormat.values()).map(io.tokenctl.api.TokenFormat::wire).iterator();
        }
    }

    /** The shells {@code tokenctl completion} writes scripts for. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    /**
     * Values that live in the store or the config: the scripts ask {@code tokenctl __complete WHAT} at TAB time
     * instead of holding a fixed list.
     */
    abstract static class Stored implements Iterable<String> {
        /** What {@code __complete} is asked for: token-ids, org-names, user-names or profile-names. */
        abstract String what();

        @Override
        public Iterator<String> iterator() {
            return Collections.emptyIterator();
        }
    }

    /** Marks a parameter that takes a token id. */
    static final class TokenIds extends Stored {
        @Override
        String what() {
            return "token-ids";
        }
    }

    /** Marks a parameter that takes an org name. */
    static final class OrgNames extends Stored {
        @Override
        String what() {
            return "org-names";
        }
    }

    /** Marks a parameter that takes a user name. */
    static final class UserNames extends Stored {
        @Override
        String what() {
            return "user-names";
        }
    }

    /** Marks a parameter that takes a profile name. */
    static final class ProfileNames extends Stored {
        @Override
        String what() {
            return "profile-names";
        }
    }
}
