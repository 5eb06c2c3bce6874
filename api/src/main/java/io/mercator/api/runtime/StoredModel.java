package io.mercator.api.runtime;

import io.mercator.api.Family;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link ModelStore} knows about one stored model: which strategy made it, when, and a
 * checksum of its bytes.
 *
 * @param id the store's id of the model, unique across families
 * @param family the family of the strategy that made it
 * @param strategyName the name of the strategy that made it
 * @param strategyVersion the version of the strategy that made it; a strategy reads models of
 *     its own major version
 * @param createdAt when the model was stored
 * @param sizeBytes the size of the model's bytes
 * @param sha256 the SHA-256 of the model's bytes, lower-case hex
 * @param metadata free-form labels given when the model was saved (data set, parameters, ...)
 */
public record StoredModel(String id, Family family, String strategyName, String strategyVersion, Instant createdAt,
        long sizeBytes, String sha256, Map<String, String> metadata) {

    /** Checks that nothing is missing and copies the metadata. */
    public StoredModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(strategyName, "strategyName");
        Objects.requireNonNull(strategyVersion, "strategyVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(sha256, "sha256");
        metadata = Map.copyOf(metadata);
    }
}
