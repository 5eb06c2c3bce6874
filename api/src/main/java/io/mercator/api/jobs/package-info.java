/**
 * Jobs: long-running work (training a model on a data set, writing top-N recommendations for many
 * users to a file) that runs in the background with progress, can be cancelled, and is kept in a
 * history that survives restarts.
 *
 * <p>The platform implements {@link io.mercator.api.jobs.JobService}; the CLI
 * ({@code mercator train}, {@code mercator score}, {@code mercator jobs}) and the REST API call it.
 * Training can also run on a schedule from configuration ({@link io.mercator.api.jobs.ScheduleService}).
 */
@Export
@Version("1.1.0")
package io.mercator.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
