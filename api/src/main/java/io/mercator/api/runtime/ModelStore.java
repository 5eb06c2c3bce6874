package io.mercator.api.runtime;

import io.mercator.api.Family;
import io.mercator.api.Model;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps trained models, with the name and version of the strategy that made them, so that models
 * outlive the bundles that made them. A save is atomic: after a crash at any point, a model is
 * either completely stored, checksum and all, or not there at all. Implemented by the platform
 * (a folder by default; a database where configured).
 */
@ProviderType
public interface ModelStore {

    /**
     * Stores a model.
     *
     * @param family the family of the strategy that made the model
     * @param model the model; its {@link Model#writeTo} is called once
     * @param metadata labels to keep with the model; may be empty
     * @return what was stored
     * @throws IOException when the model cannot be written; nothing is stored then
     */
    StoredModel save(Family family, Model model, Map<String, String> metadata) throws IOException;

    /**
     * @param id a model id
     * @return the model's record, if it is stored
     * @throws IOException when the store cannot be read
     */
    Optional<StoredModel> find(String id) throws IOException;

    /**
     * @param family a family
     * @return the stored models of that family, newest first
     * @throws IOException when the store cannot be read
     */
    List<StoredModel> list(Family family) throws IOException;

    /**
     * Opens a stored model's bytes, for the strategy's {@code readModel}. The bytes are checked
     * against the stored checksum first.
     *
     * @param id a model id
     * @return the bytes; the caller closes the stream
     * @throws IOException when the model is not stored or its bytes do not match the checksum
     */
    InputStream open(String id) throws IOException;

    /**
     * Removes a stored model. Removing a model that is not stored does nothing.
     *
     * @param id a model id
     * @return true when a model was removed
     * @throws IOException when the store cannot be changed
     */
    boolean delete(String id) throws IOException;
}
