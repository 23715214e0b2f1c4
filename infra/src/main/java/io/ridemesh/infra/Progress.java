package io.ridemesh.infra;

import java.util.function.Consumer;

/**
 * Progress lines on stderr. A line starting with {@code \r} replaces the previous one on a
 * terminal; elsewhere (CI logs) such lines are printed at most every 5 s.
 */
public final class Progress implements Consumer<String> {

    private final boolean terminal = System.console() != null;
    private long lastPrinted;
    private boolean overwriting;

    @Override
    public synchronized void accept(String line) {
        if (line.startsWith("\r")) {
            if (terminal) {
                System.err.print("\r\033[K" + line.substring(1));
                overwriting = true;
            } else if (System.currentTimeMillis() - lastPrinted > 5000) {
                System.err.println(line.substring(1));
                lastPrinted = System.currentTimeMillis();
            }
            return;
        }
        if (overwriting) {
            System.err.println();
            overwriting = false;
        }
        System.err.println(line);
    }
}
