package io.mercator.launcher;

import io.mercator.api.Family;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;

/**
 * What the system bundle exports besides the JDK: the Mercator API (it is on the launcher class
 * path, so the API bundle itself is not installed) and SLF4J. The API packages and their
 * versions are read from the API jar's own {@code Export-Package}, which bnd derives from the
 * {@code package-info} versions, so the two cannot disagree.
 */
final class SystemPackages {

    static final String SLF4J_VERSION = "2.0.17";

    private SystemPackages() {
    }

    /** @return the value for {@code org.osgi.framework.system.packages.extra} */
    static String extra() {
        String slf4j = String.join(",",
                "org.slf4j;version=\"" + SLF4J_VERSION + "\"",
                "org.slf4j.event;version=\"" + SLF4J_VERSION + "\"",
                "org.slf4j.helpers;version=\"" + SLF4J_VERSION + "\"",
                "org.slf4j.spi;version=\"" + SLF4J_VERSION + "\"");
        return apiExports() + "," + slf4j;
    }

    /** @return the API jar's Export-Package header */
    static String apiExports() {
        String classFile = "/" + Family.class.getName().replace('.', '/') + ".class";
        String classUrl = String.valueOf(Family.class.getResource(classFile));
        String manifestUrl = classUrl.substring(0, classUrl.length() - classFile.length()) + "/META-INF/MANIFEST.MF";
        try (InputStream in = new URL(manifestUrl).openStream()) {
            String exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            if (exports == null || exports.isBlank()) {
                throw new IllegalStateException("the API jar's manifest has no Export-Package: " + manifestUrl);
            }
            return exports;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API manifest " + manifestUrl + ": " + e.getMessage(), e);
        }
    }
}
