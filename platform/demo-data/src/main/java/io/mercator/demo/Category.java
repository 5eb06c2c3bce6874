package io.mercator.demo;

/** Product categories of the generated retailer, each with its own demand rhythm and price response. */
enum Category {
    DAIRY("dairy", new String[] {"milk", "yoghurt", "butter", "cheese", "cream"}, 1.05, 0.05, 20, -1.3, true),
    BAKERY("bakery", new String[] {"loaf", "baguette", "croissant", "rolls", "muffin"}, 1.15, 0.05, 350, -1.5, true),
    PRODUCE("produce", new String[] {"apples", "bananas", "tomatoes", "lettuce", "strawberries"}, 1.10, 0.20, 180,
            -1.6, true),
    BEVERAGES("beverages", new String[] {"cola", "lemonade", "sparkling water", "orange juice", "iced tea"}, 1.30,
            0.30, 200, -2.4, true),
    SNACKS("snacks", new String[] {"crisps", "pretzels", "chocolate bar", "popcorn", "nuts"}, 1.25, 0.10, 355, -2.0,
            true),
    FROZEN("frozen", new String[] {"ice cream", "pizza", "peas", "fish fingers", "berries"}, 1.10, 0.30, 205, -1.8,
            true),
    HOUSEHOLD("household", new String[] {"detergent", "kitchen roll", "bin bags", "dish soap", "sponges"}, 1.00, 0.05,
            90, -1.2, false),
    PERSONAL_CARE("personal care", new String[] {"shampoo", "toothpaste", "soap", "deodorant", "sun cream"}, 1.00,
            0.15, 185, -1.1, false);

    static final String[] ADJECTIVES = {"organic", "classic", "premium", "family", "light", "fresh", "value", "deluxe"};
    static final String[] BRANDS = {"Acorn", "Bellwood", "Cobalt", "Dunmore", "Everly", "Fairfield"};

    final String label;
    final String[] nouns;
    /** How much busier Saturday and Sunday are than an ordinary weekday. */
    final double weekendBoost;
    /** Relative amplitude of the yearly cycle. */
    final double yearlyAmplitude;
    /** Day of the year when the yearly cycle peaks. */
    final int yearlyPeakDay;
    /** The category's typical own-price elasticity; products scatter around it. */
    final double elasticity;
    /** Whether Christmas and New Year lift the category. */
    final boolean festive;

    Category(String label, String[] nouns, double weekendBoost, double yearlyAmplitude, int yearlyPeakDay,
            double elasticity, boolean festive) {
        this.label = label;
        this.nouns = nouns;
        this.weekendBoost = weekendBoost;
        this.yearlyAmplitude = yearlyAmplitude;
        this.yearlyPeakDay = yearlyPeakDay;
        this.elasticity = elasticity;
        this.festive = festive;
    }

    /** @return the weekday factors Monday..Sunday, mean 1 */
    double[] weeklyFactors() {
        double[] raw = {0.95, 0.90, 0.93, 0.97, 1.08, weekendBoost * 1.05, weekendBoost * 0.95};
        double mean = 0;
        for (double value : raw) {
            mean += value / raw.length;
        }
        double[] factors = new double[raw.length];
        for (int d = 0; d < raw.length; d++) {
            factors[d] = raw[d] / mean;
        }
        return factors;
    }

    /**
     * @param dayOfYear 1 to 366
     * @return the yearly factor, mean 1 over a year
     */
    double yearlyFactor(int dayOfYear) {
        return 1 + yearlyAmplitude * Math.cos(2 * Math.PI * (dayOfYear - yearlyPeakDay) / 365.25);
    }
}
