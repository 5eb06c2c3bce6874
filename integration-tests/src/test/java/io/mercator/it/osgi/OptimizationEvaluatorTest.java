package io.mercator.it.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.mercator.api.Parameters;
import io.mercator.api.TrainingContext;
import io.mercator.api.ValidationException;
import io.mercator.api.runtime.EvaluationReport;
import io.mercator.api.runtime.EvaluationRequest;
import io.mercator.api.runtime.Evaluator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/** The optimization evaluator service finds the built-in policies through the registry and replays a small file. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OptimizationEvaluatorTest extends PlatformTest {

    private Evaluator evaluator() throws Exception {
        ServiceReference<Evaluator> reference = context.getServiceReferences(Evaluator.class,
                "(" + Evaluator.FAMILY_PROPERTY + "=optimization)").iterator().next();
        return context.getService(reference);
    }

    private static Path demandFile(String rows) throws Exception {
        Path file = Files.createTempFile("demand", ".csv");
        Files.writeString(file, "sku,period,demand\n" + rows);
        return file;
    }

    @Test
    public void everyPolicyAndBothBaselinesGetARow() throws Exception {
        StringBuilder rows = new StringBuilder();
        for (int period = 0; period < 30; period++) {
            rows.append("steady,").append(period).append(',').append(10 + period % 3).append('\n');
            rows.append("lumpy,").append(period).append(',').append(period % 5 == 0 ? 12 : 0).append('\n');
        }
        Evaluator evaluator = evaluator();
        EvaluationReport report = evaluator.evaluate(new EvaluationRequest(demandFile(rows.toString()), List.of(),
                Parameters.resolve(evaluator.options(), Map.of("trainFraction", "0.5"))), TrainingContext.none());
        List<String> strategies = report.rows().stream().map(EvaluationReport.Row::strategy).toList();
        assertEquals(List.of("lp-allocation@1.1.0", "min-max@1.0.0", "newsvendor@1.0.0", "order-up-to@1.0.0",
                "reorder-point-eoq@1.0.0", "naive: order last period's sales", "naive: 4.0 periods of cover"), strategies);
        assertEquals("fill rate", report.columns().get(0));
        for (EvaluationReport.Row row : report.rows()) {
            double fillRate = row.values()[0];
            assertTrue(row.strategy() + " fill rate " + fillRate, fillRate >= 0 && fillRate <= 1);
        }
        assertTrue(report.title(), report.title().contains("2 SKUs, 15 periods fitted, 15 replayed"));
    }

    @Test
    public void aBadValueIsReportedWithItsLineAndColumn() throws Exception {
        Evaluator evaluator = evaluator();
        Path file = demandFile("a,0,1\na,1,x\n");
        try {
            evaluator.evaluate(new EvaluationRequest(file, List.of("min-max"), Parameters.defaults(evaluator.options())),
                    TrainingContext.none());
        } catch (ValidationException expected) {
            assertEquals(file.getFileName() + " line 3 column demand: 'x' is not a finite number",
                    expected.getMessage());
            return;
        }
        throw new AssertionError("no ValidationException");
    }
}
