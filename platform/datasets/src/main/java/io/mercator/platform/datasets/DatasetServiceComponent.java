package io.mercator.platform.datasets;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import io.mercator.api.datasets.DataSource;
import io.mercator.api.datasets.DatasetInfo;
import io.mercator.api.datasets.DatasetService;
import io.mercator.api.datasets.FieldSpec;
import io.mercator.api.datasets.ImportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Offers a {@link DatasetFolder} as the platform's {@link DatasetService}. Imports are staged in the
 * folder named by the framework property {@value #FOLDER_PROPERTY} (the launcher sets
 * {@code <home>/data/datasets}), else in the bundle's data area; the data sets are kept in Mercator's
 * PostgreSQL database when one is configured (shared with the other nodes, which can train on
 * them), else in that folder. The database is bound greedily: when it arrives or goes the component
 * starts again with the other catalogue.
 */
@Component(service = DatasetService.class, immediate = true)
public final class DatasetServiceComponent implements DatasetService {

    /** Framework property naming the data set folder. */
    static final String FOLDER_PROPERTY = "io.mercator.datasets.folder";

    private final Logger logger;
    private final DatasetFolder folder;

    @Activate
    public DatasetServiceComponent(BundleContext context,
            @Reference(service = LoggerFactory.class) Logger logger, @Reference ConnectionRegistry connections,
            @Reference(service = javax.sql.DataSource.class, cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY, target = "(io.mercator.database=postgres)")
            Map.Entry<Map<String, Object>, javax.sql.DataSource> database) throws IOException {
        this.logger = logger;
        String configured = context.getProperty(FOLDER_PROPERTY);
        Path root = configured != null && !configured.isBlank() ? Path.of(configured)
                : context.getDataFile("datasets").toPath();
        if (database == null) {
            folder = new DatasetFolder(root, connections);
            logger.info("Data sets in {}", root);
        } else {
            String schema = (String) database.getKey().get("io.mercator.database.schema");
            folder = new DatasetFolder(root, new PostgresCatalogue(database.getValue(), schema), connections);
            logger.info("Data sets in PostgreSQL (schema {}), imports staged in {}", schema, root);
        }
    }

    @Override
    public List<FieldSpec> fields(Family family) {
        return folder.fields(family);
    }

    @Override
    public Class<?> inputType(Family family) {
        return folder.inputType(family);
    }

    @Override
    public DatasetInfo importData(Family family, DataSource source, ImportOptions options, TrainingContext progress)
            throws IOException {
        long begin = System.nanoTime();
        DatasetInfo info = folder.importData(family, source, options, progress);
        long millis = (System.nanoTime() - begin) / 1_000_000;
        logger.info("Imported {} rows of {} data from {} into {} in {} ms ({} bad rows)",
                info.lastImport().rowsImported(), family.id(), source.name(), info.id(), millis,
                info.lastImport().badRowCount());
        return info;
    }

    @Override
    public List<DatasetInfo> list() throws IOException {
        return folder.list();
    }

    @Override
    public Optional<DatasetInfo> find(String id) throws IOException {
        return folder.find(id);
    }

    @Override
    public boolean delete(String id) throws IOException {
        boolean deleted = folder.delete(id);
        if (deleted) {
            logger.info("Deleted data set {}", id);
        }
        return deleted;
    }

    @Override
    public <D> D open(String id, Class<D> type) throws IOException {
        return folder.open(id, type);
    }
}
