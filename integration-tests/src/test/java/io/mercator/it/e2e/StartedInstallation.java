package io.mercator.it.e2e;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.rules.TemporaryFolder;

/** End-to-end tests that share one started installation of the distribution, in a fresh folder per test class. */
public abstract class StartedInstallation {

    @ClassRule
    public static final TemporaryFolder TEMP = new TemporaryFolder();

    protected static Installation installation;

    @BeforeClass
    public static void startServer() throws Exception {
        installation = new Installation(TEMP.getRoot().toPath());
        installation.start();
    }

    @AfterClass
    public static void stopServer() throws Exception {
        installation.close();
    }
}
