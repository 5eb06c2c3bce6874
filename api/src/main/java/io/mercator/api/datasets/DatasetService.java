package io.mercator.api.datasets;

import io.mercator.api.Family;
import io.mercator.api.TrainingContext;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports, keeps and opens the families' training data. Registered by the platform as an OSGi
 * service; the CLI ({@code mercator import}, {@code mercator datasets}), the REST API and the
 * training jobs use it.
 *
 * <p>An import streams its source: memory stays bounded by the size of one row however large the
 * source is. It is all or nothing: the rows are written to a temporary file that becomes the data
 * set by an atomic rename only once the whole source was read and accepted, so a failure, a
 * cancellation or a crash at any point leaves no data set (or, for an append, the data set as it
 * was).
 *
 * <p>Each family has its import format, a list of {@link #fields fields}: forecasting
 * {@code series_id, period, value}; optimization {@code sku, period, demand} (demand history);
 * filtering {@code user_id, item_id[, value][, timestamp]}; segmentation
 * {@code customer_id, date, amount} (or {@code quantity} and {@code unit_price})
 * {@code [, invoice_no]}; pricing {@code product, period, price, units[, promo][, location,
 * feature]}. Source columns are matched to fields by name, alias or an explicit mapping
 * ({@link ImportOptions#columns()}); other columns are ignored.
 */
@ProviderType
public interface DatasetService {

    /**
     * @param family a family
     * @return the fields of its import format, in storage order
     */
    List<FieldSpec> fields(Family family);

    /**
     * @param family a family
     * @return the type {@link #open} returns for its data sets, which is what the family's
     *     strategies fit on (e.g. {@code SeriesSet.class} for forecasting and optimization)
     */
    Class<?> inputType(Family family);

    /**
     * Imports a source into a new data set, or appends it to one ({@link ImportOptions#appendTo()}).
     *
     * @param family the family whose data the source holds
     * @param source where to read
     * @param options how to read it
     * @param progress told the fraction of the source read so far; the import stops, storing
     *     nothing, once it is cancelled
     * @return the data set, with the report of this import
     * @throws ImportException when nothing was stored, with the reason and the bad rows
     * @throws io.mercator.api.ValidationException when an option does not fit the family (unknown
     *     field in the column mapping, unknown data set to append to)
     * @throws java.util.concurrent.CancellationException when cancelled
     * @throws IOException when the data set cannot be written
     */
    DatasetInfo importData(Family family, DataSource source, ImportOptions options, TrainingContext progress)
            throws IOException;

    /**
     * @return every data set, newest first
     * @throws IOException when the store cannot be read
     */
    List<DatasetInfo> list() throws IOException;

    /**
     * @param id a data set id
     * @return the data set, if it exists
     * @throws IOException when the store cannot be read
     */
    Optional<DatasetInfo> find(String id) throws IOException;

    /**
     * Deletes a data set. Deleting one that does not exist does nothing.
     *
     * @param id a data set id
     * @return true when a data set was deleted
     * @throws IOException when it cannot be deleted
     */
    boolean delete(String id) throws IOException;

    /**
     * Reads a data set into its family's typed input.
     *
     * @param <D> the input type
     * @param id a data set id
     * @param type the expected input type, {@link #inputType} of the data set's family
     * @return the input, validated by its constructor
     * @throws io.mercator.api.ValidationException when there is no such data set, or it is
     *     another family's
     * @throws IOException when its rows cannot be read
     */
    <D> D open(String id, Class<D> type) throws IOException;
}
