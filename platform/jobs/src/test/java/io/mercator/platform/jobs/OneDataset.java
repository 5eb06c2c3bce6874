package io.mercator.platform.jobs;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FieldSpec;
import io.mercator.api.datasets.ImportOptions;
import io.mercator.api.datasets.ValidationReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A data set service holding one data set of a family, already open: the jobs' tests need no import. */
final class OneDataset implements DatasetService {

    private final DatasetInfo info;
    private final Object data;

    /**
     * @param id the data set's id
     * @param family its family
     * @param fields its stored fields
     * @param data what {@link #open} answers
     */
    OneDataset(String id, Family family, List<String> fields, Object data) {
        this.info = new DatasetInfo(id, family, "", List.of("data.csv"), Instant.EPOCH, Instant.EPOCH, 4, fields, 10,
                null, null, new ValidationReport(4, 4, 0, 0, List.of()));
        this.data = data;
    }

    @Override
    public List<FieldSpec> fields(Family family) {
        return List.of();
    }

    @Override
    public Class<?> inputType(Family family) {
        return data.getClass();
    }

    @Override
    public DatasetInfo importData(Family family, DataSource source, ImportOptions options, TrainingContext progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<DatasetInfo> list() {
        return List.of(info);
    }

    @Override
    public Optional<DatasetInfo> find(String id) {
        return info.id().equals(id) ? Optional.of(info) : Optional.empty();
    }

    @Override
    public boolean delete(String id) {
        return false;
    }

    @Override
    public <D> D open(String id, Class<D> type) {
        return type.cast(data);
    }
}
