package io.mercator.plugins.filtering.collaborative;

import io.mercator.api.TrainingContext;
import io.mercator.api.data.IdDictionary;
import io.mercator.api.filtering.ItemCatalog;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Items as TF-IDF vectors of their text and categorical attributes, and each item's most similar
 * items by the cosine of those vectors. A text term weighs {@code (1 + ln tf) * ln(N / df)} for a
 * catalogue of N items, df of which hold the term; an attribute value is a term of its own
 * ({@code category=dairy}, never confused with the word "dairy"), weighted {@code ln(N / df)} times
 * the attribute weight. A term every item holds weighs nothing. Vectors have unit length.
 */
final class TfIdf {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "in", "is", "it", "of", "on", "or", "our", "the", "to", "with");
    private static final int CHUNKS_PER_CORE = 8;

    /** The vectors of items i are term[start[i] .. start[i + 1] - 1] with weight[...]. */
    final int[] start;
    final int[] term;
    final double[] weight;
    /** The terms, for explanations and tests: text words as they are, attributes as name=value. */
    final String[] terms;

    private TfIdf(int[] start, int[] term, double[] weight, String[] terms) {
        this.start = start;
        this.term = term;
        this.weight = weight;
        this.terms = terms;
    }

    /**
     * @param text free text
     * @return its words: lower case, split at anything not a letter or digit, without one-character
     *     words and common English stop words
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * @param catalog the items' texts and attributes
     * @param items the model's items; catalogue items missing from it are ignored, items missing
     *     from the catalogue get an empty vector
     * @param attributeWeight how much an attribute value weighs against a word
     * @return the unit-length vectors of {@code items}
     */
    static TfIdf of(ItemCatalog catalog, IdDictionary items, double attributeWeight) {
        Map<String, Integer> termIndex = new HashMap<>();
        List<String> terms = new ArrayList<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>();
        List<Boolean> isAttribute = new ArrayList<>();
        int[] described = new int[catalog.items().size()];
        String[] attributeNames = catalog.attributeNames();
        for (int c = 0; c < described.length; c++) {
            described[c] = items.indexOf(catalog.items().id(c));
            Map<Integer, Integer> itemCounts = new HashMap<>();
            for (String word : words(catalog.text(c))) {
                itemCounts.merge(intern(word, false, termIndex, terms, isAttribute), 1, Integer::sum);
            }
            for (int a = 0; a < attributeNames.length; a++) {
                String value = catalog.attribute(a, c);
                if (value != null) {
                    String feature = attributeNames[a] + "=" + value.strip().toLowerCase(Locale.ROOT);
                    itemCounts.put(intern(feature, true, termIndex, terms, isAttribute), 1);
                }
            }
            counts.add(itemCounts);
        }
        int[] documentFrequency = new int[terms.size()];
        for (Map<Integer, Integer> itemCounts : counts) {
            itemCounts.keySet().forEach(t -> documentFrequency[t]++);
        }
        int[] start = new int[items.size() + 1];
        for (int c = 0; c < described.length; c++) {
            if (described[c] >= 0) {
                start[described[c] + 1] = counts.get(c).size();
            }
        }
        for (int i = 0; i < items.size(); i++) {
            start[i + 1] += start[i];
        }
        int[] term = new int[start[items.size()]];
        double[] weight = new double[term.length];
        double documents = described.length;
        for (int c = 0; c < described.length; c++) {
            int i = described[c];
            if (i < 0) {
                continue;
            }
            int k = start[i];
            double squares = 0;
            for (Map.Entry<Integer, Integer> count : counts.get(c).entrySet()) {
                int t = count.getKey();
                double idf = Math.log(documents / documentFrequency[t]);
                double w = isAttribute.get(t) ? attributeWeight * idf : (1 + Math.log(count.getValue())) * idf;
                term[k] = t;
                weight[k++] = w;
                squares += w * w;
            }
            double norm = Math.sqrt(squares);
            for (k = start[i]; k < start[i + 1]; k++) {
                weight[k] = norm > 0 ? weight[k] / norm : 0;
            }
        }
        return new TfIdf(start, term, weight, terms.toArray(String[]::new));
    }

    private static int intern(String key, boolean attribute, Map<String, Integer> termIndex, List<String> terms,
            List<Boolean> isAttribute) {
        // attribute values and words live apart: "\0" never occurs in a word
        return termIndex.computeIfAbsent(attribute ? "\0" + key : key, k -> {
            terms.add(key);
            isAttribute.add(attribute);
            return terms.size() - 1;
        });
    }

    /**
     * Accumulates, for every item, its dot products with the items sharing a term (through the
     * term-to-items index), split over the cores.
     *
     * @param kept the most neighbours to keep per item
     * @param context checked for cancellation between chunks
     * @return every item's most similar items, with positive cosine only
     */
    Neighbours neighbours(int kept, TrainingContext context) {
        int items = start.length - 1;
        RatingMatrix byTerm = RatingMatrix.of(items, terms.length, start, term, weight);
        int[][] neighbourItems = new int[items][];
        double[][] neighbourSimilarities = new double[items][];
        int chunks = Math.max(1, Math.min(items, Runtime.getRuntime().availableProcessors() * CHUNKS_PER_CORE));
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            context.checkCancelled();
            double[] dot = new double[items];
            int[] touched = new int[items];
            for (int i = chunk; i < items; i += chunks) {
                int touchedCount = 0;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int t = term[k];
                    for (int entry = byTerm.itemStart[t]; entry < byTerm.itemStart[t + 1]; entry++) {
                        int j = byTerm.itemUser[entry];
                        double product = weight[k] * byTerm.itemValue[entry];
                        if (j == i || product == 0) {
                            continue;
                        }
                        if (dot[j] == 0) {
                            touched[touchedCount++] = j;
                        }
                        dot[j] += product;
                    }
                }
                int[] candidates = Arrays.copyOf(touched, touchedCount);
                double[] similarities = new double[touchedCount];
                for (int t = 0; t < touchedCount; t++) {
                    similarities[t] = dot[candidates[t]];
                    dot[candidates[t]] = 0;
                }
                int[] best = TopN.select(similarities, null, null, kept);
                neighbourItems[i] = new int[best.length];
                neighbourSimilarities[i] = new double[best.length];
                for (int rank = 0; rank < best.length; rank++) {
                    neighbourItems[i][rank] = candidates[best[rank]];
                    neighbourSimilarities[i][rank] = similarities[best[rank]];
                }
            }
        });
        return Neighbours.of(neighbourItems, neighbourSimilarities);
    }
}
