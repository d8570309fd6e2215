import type { CustomerKind } from './fakeData';

/**
 * The shape of the seeded company as data: department tree, head counts, customer types,
 * groups and lost reasons. The scale seed and the demo company use different plans.
 */
export type DepartmentPlan = {
  name: string;
  /** Managers and staff working directly in this department. */
  managers: number;
  staff: number;
  /** How many customers a staff member here owns, relative to a sales team member (1). */
  ownerWeight: number;
  children?: DepartmentPlan[];
};

export type CompanyPlan = {
  root: DepartmentPlan;
  /** Usernames are `${usernamePrefix}${001…}`. */
  usernamePrefix: string;
  customerTypes: { name: string; kind: CustomerKind; share: number }[];
  groups: { name: string; points: number; popularity: number }[];
  lostReasons: string[];
};

const team = (name: string, staff: number): DepartmentPlan => ({ name, managers: 1, staff, ownerWeight: 1 });
const office = (name: string, staff: number, ownerWeight = 0): DepartmentPlan => ({ name, managers: 0, staff, ownerWeight });

const customerTypes: CompanyPlan['customerTypes'] = [
  { name: 'Doanh nghiệp', kind: 'company', share: 52 },
  { name: 'Cá nhân', kind: 'person', share: 25 },
  { name: 'Đại lý', kind: 'agency', share: 9 },
  { name: 'Nhà phân phối', kind: 'distributor', share: 4 },
  { name: 'Cơ quan nhà nước', kind: 'public', share: 5 },
  { name: 'Đối tác', kind: 'company', share: 5 },
];

const groups: CompanyPlan['groups'] = [
  { name: 'Khách hàng VIP', points: 50, popularity: 3 },
  { name: 'Khách hàng thân thiết', points: 30, popularity: 8 },
  { name: 'Khách hàng tiềm năng', points: 10, popularity: 20 },
  { name: 'Khách hàng mới', points: 5, popularity: 18 },
  { name: 'Đã mua hàng', points: 20, popularity: 15 },
  { name: 'Quan tâm sản phẩm mới', points: 5, popularity: 8 },
  { name: 'Khách từ website', points: 5, popularity: 10 },
  { name: 'Khách từ Facebook', points: 3, popularity: 7 },
  { name: 'Khách được giới thiệu', points: 15, popularity: 5 },
  { name: 'Hội chợ triển lãm 2025', points: 5, popularity: 3 },
  { name: 'Khách hàng dự án', points: 20, popularity: 2 },
  { name: 'Tạm ngừng giao dịch', points: 0, popularity: 1 },
];

// SPEC's five (every new database has them, migration 0024) and two of the company's own.
const lostReasons = [
  'Giá cao', 'Đối thủ cạnh tranh', 'Không có nhu cầu', 'Không liên lạc được',
  'Khác', 'Sản phẩm không phù hợp', 'Thời gian giao hàng không đáp ứng',
];

/** 20 departments, 300 users (16 managers), for `npm run seed`. */
export const scaleCompanyPlan: CompanyPlan = {
  usernamePrefix: 'nv',
  customerTypes,
  groups,
  lostReasons,
  root: {
    name: 'Ban Giám đốc', managers: 2, staff: 0, ownerWeight: 0,
    children: [
      {
        name: 'Khối Kinh doanh', managers: 1, staff: 0, ownerWeight: 0,
        children: [
          { name: 'Kinh doanh miền Bắc', managers: 1, staff: 0, ownerWeight: 0, children: [team('Nhóm KD Hà Nội 1', 28), team('Nhóm KD Hà Nội 2', 26), team('Nhóm KD Hải Phòng - Quảng Ninh', 20)] },
          { name: 'Kinh doanh miền Trung', managers: 1, staff: 0, ownerWeight: 0, children: [team('Nhóm KD Đà Nẵng', 18), team('Nhóm KD Nghệ An - Thanh Hóa', 16)] },
          {
            name: 'Kinh doanh miền Nam', managers: 1, staff: 0, ownerWeight: 0,
            children: [team('Nhóm KD TP.HCM 1', 30), team('Nhóm KD TP.HCM 2', 28), team('Nhóm KD Bình Dương - Đồng Nai', 22), team('Nhóm KD Cần Thơ', 18)],
          },
          office('Kinh doanh Dự án', 12, 0.5),
        ],
      },
      { name: 'Chăm sóc khách hàng', managers: 1, staff: 24, ownerWeight: 0.3 },
      office('Marketing', 10),
      office('Kế toán', 8),
      office('Hành chính - Nhân sự', 6),
      office('Kỹ thuật - Triển khai', 18),
    ],
  },
};

/** A small company for CRM_DEMO=1: 5 departments, 12 users. */
export const demoCompanyPlan: CompanyPlan = {
  usernamePrefix: 'nv',
  customerTypes,
  groups,
  lostReasons,
  root: {
    name: 'Ban Giám đốc', managers: 1, staff: 0, ownerWeight: 0,
    children: [
      {
        name: 'Kinh doanh', managers: 1, staff: 0, ownerWeight: 0,
        children: [
          { name: 'Kinh doanh miền Bắc', managers: 1, staff: 3, ownerWeight: 1 },
          { name: 'Kinh doanh miền Nam', managers: 1, staff: 3, ownerWeight: 1 },
        ],
      },
      { name: 'Chăm sóc khách hàng', managers: 0, staff: 2, ownerWeight: 0.3 },
    ],
  },
};
