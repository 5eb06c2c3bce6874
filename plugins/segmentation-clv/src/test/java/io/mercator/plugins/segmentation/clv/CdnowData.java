package io.mercator.plugins.segmentation.clv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mercator.api.segmentation.Transactions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** Reads {@code cdnow/transactions.csv} from the shared data folder (../shared/data from the repository root). */
final class CdnowData {

    /** The end of the usual 39-week calibration period, 1997-09-30, as the first day not observed. */
    static final int CALIBRATION_END = (int) LocalDate.parse("1997-10-01").toEpochDay();

    private CdnowData() {
    }

    /** @return the shared data folder, found by walking up from the working directory; the test is skipped without it */
    static Path sharedData() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path data = folder.resolve("shared/data");
            if (Files.isDirectory(data.resolve("cdnow"))) {
                return data;
            }
        }
        assumeTrue(false, "the shared data folder (../shared/data) is not there");
        return null;
    }

    /** @return every row: customer_id, date, sales */
    static Transactions read() throws IOException {
        List<String> lines = Files.readAllLines(sharedData().resolve("cdnow/transactions.csv"));
        Transactions.Builder builder = Transactions.builder();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.replace("\"", "").split(",");
            builder.add(fields[1], LocalDate.parse(fields[2]), Double.parseDouble(fields[4]));
        }
        return builder.build();
    }
}
