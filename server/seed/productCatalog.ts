import { Random } from './random';

export type ProductSeed = { code: string; name: string; unit: string; price: number };

/** Product lines of an office-equipment and software trader; `{v}` takes each variant. */
const families: { name: string; variants: string[]; unit: string; minPrice: number; maxPrice: number }[] = [
  { name: 'Máy lọc nước RO {v}', variants: ['Kangaroo 9 lõi', 'Karofi 10 lõi', 'Sunhouse 8 lõi', 'A.O. Smith G1', 'Mutosi 11 lõi'], unit: 'cái', minPrice: 4_000_000, maxPrice: 12_000_000 },
  { name: 'Điều hòa {v}', variants: ['Daikin 9000 BTU', 'Daikin 12000 BTU', 'Panasonic 9000 BTU', 'Panasonic 18000 BTU', 'LG Inverter 12000 BTU', 'Casper 9000 BTU'], unit: 'bộ', minPrice: 6_500_000, maxPrice: 25_000_000 },
  { name: 'Phần mềm kế toán {v}', variants: ['gói Cơ bản', 'gói Tiêu chuẩn', 'gói Doanh nghiệp'], unit: 'năm', minPrice: 3_000_000, maxPrice: 20_000_000 },
  { name: 'Phần mềm CRM {v}', variants: ['gói Khởi nghiệp', 'gói Chuyên nghiệp', 'gói Doanh nghiệp', 'gói Tập đoàn'], unit: 'năm', minPrice: 5_000_000, maxPrice: 60_000_000 },
  { name: 'Máy in {v}', variants: ['Canon LBP 2900', 'HP LaserJet M211dw', 'Brother HL-L2321D', 'Epson L3250', 'Canon MF3010'], unit: 'cái', minPrice: 2_500_000, maxPrice: 9_000_000 },
  { name: 'Máy tính xách tay {v}', variants: ['Dell Latitude 3440', 'HP ProBook 440 G10', 'Lenovo ThinkPad E14', 'Asus Vivobook 15', 'Acer Aspire 5'], unit: 'cái', minPrice: 12_000_000, maxPrice: 32_000_000 },
  { name: 'Màn hình {v}', variants: ['Dell 24 inch', 'LG 27 inch 2K', 'Samsung 24 inch', 'ViewSonic 22 inch'], unit: 'cái', minPrice: 2_200_000, maxPrice: 8_000_000 },
  { name: 'Giấy in A4 {v}', variants: ['Double A 70gsm', 'IK Plus 70gsm', 'Paper One 80gsm', 'Supreme 70gsm'], unit: 'thùng', minPrice: 320_000, maxPrice: 650_000 },
  { name: 'Bàn làm việc {v}', variants: ['gỗ MDF 1m2', 'gỗ MDF 1m4', 'chân sắt 1m2', 'chữ L 1m6'], unit: 'cái', minPrice: 1_200_000, maxPrice: 4_500_000 },
  { name: 'Ghế văn phòng {v}', variants: ['lưới lưng trung', 'lưới lưng cao', 'da giám đốc', 'xoay chân quỳ'], unit: 'cái', minPrice: 650_000, maxPrice: 6_000_000 },
  { name: 'Camera an ninh {v}', variants: ['Hikvision 2MP', 'Imou 4MP', 'Ezviz C6N', 'KBVision 2MP'], unit: 'bộ', minPrice: 700_000, maxPrice: 3_500_000 },
  { name: 'Dịch vụ bảo trì {v}', variants: ['máy tính 6 tháng', 'máy tính 12 tháng', 'điều hòa 12 tháng', 'máy lọc nước 12 tháng'], unit: 'gói', minPrice: 1_000_000, maxPrice: 12_000_000 },
  { name: 'Thiết bị mạng {v}', variants: ['Router TP-Link Archer C6', 'Switch Cisco 24 cổng', 'Bộ phát Wifi UniFi U6', 'Tường lửa FortiGate 40F'], unit: 'cái', minPrice: 800_000, maxPrice: 18_000_000 },
  { name: 'Mực in {v}', variants: ['Canon 325', 'HP 107A', 'Brother TN-2385', 'Epson 003 (bộ 4 màu)'], unit: 'hộp', minPrice: 180_000, maxPrice: 1_600_000 },
  { name: 'Máy chiếu {v}', variants: ['Epson EB-X06', 'ViewSonic PA503S', 'BenQ MX560'], unit: 'cái', minPrice: 8_000_000, maxPrice: 16_000_000 },
  { name: 'Tủ hồ sơ {v}', variants: ['sắt 2 cánh', 'sắt 4 ngăn kéo', 'gỗ 3 buồng'], unit: 'cái', minPrice: 1_800_000, maxPrice: 5_500_000 },
];

/** About 65 products with codes HH0001…, prices rounded to thousands of đồng. */
export function productCatalog(random: Random): ProductSeed[] {
  const products: ProductSeed[] = [];
  for (const family of families) {
    for (const variant of family.variants) {
      const price = Math.round((family.minPrice + random.next() * (family.maxPrice - family.minPrice)) / 1000) * 1000;
      products.push({ code: `HH${String(products.length + 1).padStart(4, '0')}`, name: family.name.replace('{v}', variant), unit: family.unit, price });
    }
  }
  return products;
}
