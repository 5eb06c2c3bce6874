package io.mercator.platform.rest;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The platform services the data endpoints use (data sets, jobs), looked up at each call: the API
 * keeps serving bundles, strategies and queries while such a bundle is stopped or updated, and
 * answers its endpoints with 503 meanwhile.
 */
final class Services {

    /** Code that uses a service. */
    @FunctionalInterface
    interface ServiceCall<S, R> {
        R apply(S service) throws Exception;
    }

    private final BundleContext context;

    Services(BundleContext context) {
        this.context = context;
    }

    /**
     * @param type the service's type
     * @param call what to do with it
     * @return what the call returns
     * @throws Problem.ProblemException 503 when no such service is registered
     */
    <S, R> R with(Class<S> type, ServiceCall<S, R> call) throws Exception {
        ServiceReference<S> reference = context.getServiceReference(type);
        S service = reference == null ? null : context.getService(reference);
        if (service == null) {
            throw Problem.of("unavailable", "Service unavailable", 503, "no " + type.getSimpleName()
                    + " is running (its bundle is missing, stopped or being updated); try again later").exception();
        }
        try {
            return call.apply(service);
        } finally {
            context.ungetService(reference);
        }
    }
}
