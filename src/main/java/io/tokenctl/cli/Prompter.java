package io.tokenctl.cli;

import java.io.Console;

/** Asks the person at the terminal a question, when there is one (never a script's pipe). */
public interface Prompter {
    /** No terminal: nothing can be asked. */
    Prompter NONE = new Prompter() {
        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public String ask(String question) {
            return null;
        }
    };

    /** Whether a person can answer: stdin and stdout are a terminal. */
    boolean interactive();

    /** The answer typed to {@code question}, or null at end of input. */
    String ask(String question);

    /** The JVM's console: there only when stdin and stdout are both a terminal. */
    static Prompter system() {
        Console c = System.console();
        if (c == null) {
            return NONE;
        }
        return new Prompter() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public String ask(String question) {
                return c.readLine("%s", question);
            }
        };
    }
}
