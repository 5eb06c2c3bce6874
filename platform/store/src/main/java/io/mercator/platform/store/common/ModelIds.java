package io.mercator.platform.store.common;

import io.mercator.api.Model;
import io.mercator.api.ValidationException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The model ids every Mercator store hands out, {@code <strategy>-<yyyymmdd't'hhmmss'z'>-<8 hex>}:
 * readable, sortable by time within a strategy, safe as a file name and unlikely to collide
 * between nodes (32 random bits per second and strategy). Shared by the stores so that an id
 * means the same wherever the model is kept.
 */
public final class ModelIds {

    private static final Pattern STRATEGY_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*-\\d{8}t\\d{6}z-[0-9a-f]{8}");
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd't'HHmmss'z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SecureRandom random = new SecureRandom();

    /**
     * @param model a model about to be stored
     * @throws ValidationException when its strategy name could not be part of an id
     */
    public static void checkStrategyName(Model model) {
        if (model.strategyName() == null || !STRATEGY_NAME.matcher(model.strategyName()).matches()) {
            throw new ValidationException("strategyName", "'" + model.strategyName()
                    + "' is not a strategy name (lower-case letters, digits and '-')");
        }
    }

    /**
     * @param strategyName a checked strategy name
     * @param createdAt when the model is stored
     * @return a new id
     */
    public String next(String strategyName, Instant createdAt) {
        return strategyName + "-" + ID_TIME.format(createdAt) + "-" + HexFormat.of().toHexDigits(random.nextInt());
    }

    /**
     * @param id anything given as an id
     * @return whether it has the form of an id (so it can be used as a file name)
     */
    public static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
