import { describe, expect, it } from 'vitest';
import { districtOf, parseDateLine, readMetadata } from '../../src/draft/metadata.js';

describe('readMetadata', () => {
  it('reads the notice title, 文号, issuer, date, district and horizon', () => {
    const text =
      '重庆市示例区人民政府办公室\n关于印发《示例职教\n行动计划（2025-2028年）》的通知\n示例府办发〔2025〕7号\n\n各单位：\n现印发给你们。\n\n重庆市示例区人民政府办公室\n    2025年3月9日\n\n（此件公开发布）\n';
    expect(readMetadata(text)).toEqual({
      title: '示例职教行动计划（2025-2028年）',
      documentNumber: '示例府办发〔2025〕7号',
      issuer: '重庆市示例区人民政府办公室',
      issued: '2025-03-09',
      district: '示例区',
      horizon: { from: 2025, to: 2028 },
    });
  });

  it('takes the document’s own 文号 line, not one it cites, and a title without 《》', () => {
    const text =
      '示例府发〔2023〕5号\n重庆市示例县人民政府\n\n关于印发示例县职业教育\n\n实施方案（试行）的通知\n\n根据《某意见》（渝府发〔2021〕35号）要求。\n\n重庆市示例县人民政府\n\n2023年6月1日\n';
    const m = readMetadata(text);
    expect(m).toMatchObject({
      title: '示例县职业教育实施方案（试行）',
      documentNumber: '示例府发〔2023〕5号',
      issued: '2023-06-01',
      district: '示例县',
      horizon: null,
    });
  });

  it('leaves what the text does not state as null', () => {
    expect(readMetadata('一、目标\n建成基地2个。\n')).toMatchObject({
      documentNumber: null,
      issued: null,
      issuer: null,
    });
  });
});

describe('parseDateLine and districtOf', () => {
  it('reads Arabic and Chinese-numeral date lines and rejects impossible dates', () => {
    expect(parseDateLine(' 2024年12月27日 ')).toBe('2024-12-27');
    expect(parseDateLine('二〇二四年十二月二十七日')).toBe('2024-12-27');
    expect(parseDateLine('2024年2月30日')).toBeNull();
    expect(parseDateLine('2024年12月27日印发')).toBeNull();
  });
  it('takes the district from an issuer', () => {
    expect(districtOf('重庆市永川区人民政府办公室')).toBe('永川区');
    expect(districtOf('某省某市某某县教育委员会')).toBe('某某县');
  });
});
