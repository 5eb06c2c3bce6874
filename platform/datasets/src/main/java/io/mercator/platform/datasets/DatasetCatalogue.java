package io.mercator.platform.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where data sets are kept once imported: their manifests and their rows, a gzip-compressed CSV
 * stream with a header line. A folder ({@link FolderCatalogue}) or Mercator's PostgreSQL database
 * ({@link PostgresCatalogue}), which several nodes share. Every change is all or nothing: a reader
 * sees a data set as it was before a change or as it is after it, never a mix, even after a crash.
 */
interface DatasetCatalogue {

    /**
     * Adds a new data set.
     *
     * @param manifest what it is
     * @param rows a file holding its complete rows, in the staging area; the catalogue may move it
     * @throws IOException when it cannot be stored; nothing of it is then
     */
    void add(DatasetManifest manifest, Path rows) throws IOException;

    /**
     * Appends rows to a data set, provided it is still as {@code current} describes it.
     *
     * @param current the data set as read before the import
     * @param member a file holding the added rows as one gzip member, without a header line
     * @param updated the data set after the append
     * @throws IOException when it cannot be stored, or the data set was changed or deleted since
     *     {@code current} was read (by another node); the data set is then as it was
     */
    void append(DatasetManifest current, Path member, DatasetManifest updated) throws IOException;

    /**
     * @param id a data set id
     * @return its manifest, if it exists
     * @throws IOException when the catalogue cannot be read
     */
    Optional<DatasetManifest> find(String id) throws IOException;

    /**
     * @return every data set, newest first
     * @throws IOException when the catalogue cannot be read
     */
    List<DatasetManifest> list() throws IOException;

    /**
     * @param id a data set id
     * @return its rows as stored (gzip-compressed), as they were when opened even if changed since;
     *     the caller closes it
     * @throws java.nio.file.NoSuchFileException when there is no such data set
     * @throws IOException when they cannot be read
     */
    InputStream openRows(String id) throws IOException;

    /**
     * @param id a data set id
     * @return true when a data set was deleted
     * @throws IOException when it cannot be deleted
     */
    boolean delete(String id) throws IOException;
}
