/** The demo shop's catalogue: home and lifestyle goods, prices in GBP. Order is popularity (Zipf rank). */

export interface Product {
  code: string;
  description: string;
  unitPrice: number;
}

const ITEMS: readonly (readonly [string, number])[] = [
  ['Ceramic Mug, Speckled', 9.5], ['Linen Tea Towel', 7.25], ['Beeswax Candle, Small', 6.95],
  ['Glass Storage Jar 1L', 8.5], ['Enamel Espresso Cup', 5.75], ['Cotton Tote Bag', 4.95],
  ['Scented Candle, Fig', 18], ['Notebook A5, Dotted', 11.5], ['Bamboo Utensil Set', 12.99],
  ['Stoneware Bowl', 14.5], ['Wool Throw, Grey', 79], ['Cast Iron Skillet 26cm', 54],
  ['Pour-Over Coffee Dripper', 24], ['Loose Leaf Tea, Breakfast', 8.95], ['Oak Serving Board', 38],
  ['Copper Watering Can', 42], ['Herb Planter Set', 29.5], ['Brass Desk Lamp', 119],
  ['Linen Napkins (4)', 22], ['Recycled Glass Tumbler', 6.5], ['Felt Coasters (6)', 9.99],
  ['Washi Tape Set', 7.5], ['Fountain Pen, Steel', 34], ['Ink Bottle, Blue-Black', 12],
  ['Leather Card Holder', 45], ['Canvas Backpack', 89], ['Hand Soap, Rosemary', 10.5],
  ['Shea Hand Cream', 14], ['Bath Salts, Lavender', 16.5], ['Cotton Bath Towel', 32],
  ['Waffle Robe', 95], ['Merino Socks', 19], ['Knitted Beanie', 28], ['Reusable Water Bottle', 24.5],
  ['Picnic Blanket', 65], ['Rattan Basket, Large', 58], ['Wall Clock, Walnut', 75],
  ['Linen Cushion Cover', 27], ['Table Lamp, Ceramic', 149], ['Wool Rug 120x170', 249],
  ['Dinner Plate Set (4)', 64], ['Chef Knife 20cm', 89], ['Knife Sharpener', 36],
  ['Cafetière 8 Cup', 39], ['Milk Frother', 49], ['Digital Kitchen Scale', 27.5],
  ['Bread Bin, Enamel', 44], ['Spice Rack Set', 52], ['Wine Glasses (2)', 34],
  ['Decanter', 68], ['Cocktail Shaker Set', 46], ['Garden Kneeler', 21], ['Pruning Shears', 32],
  ['Bird Feeder', 26], ['Outdoor Lantern', 55], ['Hammock, Cotton', 129], ['Armchair, Linen', 649],
  ['Oak Side Table', 329], ['Bookshelf, Ash', 449], ['Gift Card £50', 50],
];

export const CATALOGUE: readonly Product[] = ITEMS.map(([description, unitPrice], i) => ({
  code: `SKU-${String(1001 + i)}`,
  description,
  unitPrice,
}));

/** Zipf-like popularity: the k-th product sells in proportion to 1 / (k + 2). */
export const POPULARITY: readonly number[] = CATALOGUE.map((_, k) => 1 / (k + 2));
