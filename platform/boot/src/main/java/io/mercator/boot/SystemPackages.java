package io.mercator.boot;

import io.mercator.api.Family;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.jar.Manifest;
import org.slf4j.LoggerFactory;

/**
 * What the system bundle exports to bundles besides the JDK: the Mercator API and SLF4J, both
 * taken from the class path of whoever boots the framework (the launcher or an embedding host), so
 * that API objects and log calls cross the boundary as the same classes. Nothing else on that
 * class path is visible to bundles. The packages and their versions are read from each jar's own
 * {@code Export-Package} header (bnd derives the API's from its {@code package-info} versions), so
 * they cannot disagree with the classes actually exported.
 */
public final class SystemPackages {

    private SystemPackages() {
    }

    /** @return the value for {@code org.osgi.framework.system.packages.extra} */
    public static String extra() {
        return apiExports() + "," + slf4jExports();
    }

    /** @return the API jar's Export-Package header */
    public static String apiExports() {
        return exportsOf(Family.class, "the Mercator API");
    }

    /**
     * @return the Export-Package header of the SLF4J API jar on the class path; its version is the
     *     one bundles resolve against, so a host with an SLF4J older than the bundles' import range
     *     is reported by the resolver instead of failing later with a linkage error
     */
    public static String slf4jExports() {
        return exportsOf(LoggerFactory.class, "the SLF4J API");
    }

    private static String exportsOf(Class<?> member, String what) {
        String classFile = "/" + member.getName().replace('.', '/') + ".class";
        String classUrl = String.valueOf(member.getResource(classFile));
        String manifestUrl = classUrl.substring(0, classUrl.length() - classFile.length()) + "/META-INF/MANIFEST.MF";
        try (InputStream in = new URL(manifestUrl).openStream()) {
            String exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            if (exports == null || exports.isBlank()) {
                throw new IllegalStateException("the manifest of " + what + " has no Export-Package: " + manifestUrl);
            }
            return exports;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the manifest of " + what + " " + manifestUrl + ": "
                    + e.getMessage(), e);
        }
    }
}
