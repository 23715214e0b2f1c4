package io.ridemesh.testsupport;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the {@link TestIssuer} when a test run starts and sets {@value TestIssuer#TRUSTED_ISSUERS} to it (as a system
 * property, which Spring's environment reads like the variable the launcher sets in production), so every service a
 * test starts trusts the tokens of {@link TestTokens}. A run that already sets the property keeps its own. Registered
 * through {@code META-INF/services}; JUnit calls it once per launcher session.
 */
public final class TestIssuerSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(TestIssuer.TRUSTED_ISSUERS) == null) {
            System.setProperty(TestIssuer.TRUSTED_ISSUERS, TestIssuer.shared().trustedIssuers());
        }
    }
}
