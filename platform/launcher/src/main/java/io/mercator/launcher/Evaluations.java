package io.mercator.launcher;

import io.mercator.api.Family;
import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@code POST evaluate}: finds the family's {@link Evaluator} service and turns its report into JSON. */
public final class Evaluations {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);

    /** No evaluator service is registered for the family asked for. */
    public static final class NoEvaluatorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoEvaluatorException(Family family) {
            super("no evaluator for the " + family.id() + " family is installed");
        }
    }

    private Evaluations() {
    }

    /** Runs an evaluation for the control channel, logging its progress. */
    static ControlApi.Report run(BundleContext context, ControlApi.EvaluateRequest request) {
        return ControlApi.Report.of(evaluate(context, request, null));
    }

    /**
     * Evaluates the strategies of the request's family on its data file with the family's evaluator.
     *
     * @param context where to find the evaluator
     * @param request family, data file, strategies, options and strategy parameters
     * @param progress where progress goes and whether to stop; null to log it every few seconds
     * @return the evaluator's report
     * @throws NoEvaluatorException when no evaluator of the family is registered
     */
    public static EvaluationReport evaluate(BundleContext context, ControlApi.EvaluateRequest request,
            TrainingContext progress) {
        if (request == null || request.family() == null || request.data() == null) {
            throw new ValidationException("request", "needs a family and a data file");
        }
        Family family = Family.fromId(request.family());
        ServiceReference<Evaluator> reference = evaluatorOf(context, family);
        Evaluator evaluator = context.getService(reference);
        if (evaluator == null) {
            throw new NoEvaluatorException(family);
        }
        try {
            Parameters options = Parameters.resolve(evaluator.options(),
                    request.options() == null ? Map.of() : request.options());
            EvaluationRequest evaluation = new EvaluationRequest(Path.of(request.data()),
                    request.strategies() == null ? List.of() : request.strategies(), options,
                    request.parameters() == null ? Map.of() : request.parameters());
            LOG.info("Evaluating {} strategies on {} with {}", family.id(), request.data(), options);
            return evaluator.evaluate(evaluation,
                    progress != null ? progress : new LoggingProgress("Evaluating " + family.id()));
        } finally {
            context.ungetService(reference);
        }
    }

    private static ServiceReference<Evaluator> evaluatorOf(BundleContext context, Family family) {
        try {
            Collection<ServiceReference<Evaluator>> references = context.getServiceReferences(Evaluator.class,
                    "(" + Evaluator.FAMILY_PROPERTY + "=" + family.id() + ")");
            return references.stream().max(ServiceReference::compareTo)
                    .orElseThrow(() -> new NoEvaluatorException(family));
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
