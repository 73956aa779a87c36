/** One tile per programme target: the value, the target, and met or not (suppressed shown as such). */
import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { useI18n } from '../i18n/i18n';
import { TargetTile } from '../hooks/useTargets';
import { ReflectsNote } from './ReflectsNote';
import { SuppressedValue } from './SuppressedValue';

export function TargetTiles({ tiles }: { tiles: TargetTile[] }) {
  const { t, number, percent, yuan } = useI18n();
  const show = (tile: TargetTile, value: number | null) =>
    value === null ? '—' : tile.unit === 'proportion' ? percent(value) : tile.unit === 'fen' ? yuan(value) : number(value);
  return (
    <Row gutter={[12, 12]}>
      {tiles.map((tile) => (
        <Col key={tile.key} xs={24} sm={12} xl={6}>
          <Card size="small" data-testid={`tile-${tile.key}`} title={<h2 style={{ fontSize: 15, margin: 0 }}>{t(`tile.${tile.key}`)}</h2>}>
            {tile.suppressed ? (
              <SuppressedValue />
            ) : (
              <Statistic
                title={t('tile.value')}
                value={show(tile, tile.value)}
                valueRender={(node) => (
                  <span data-testid="tile-value" data-raw={tile.value ?? ''}>
                    {node}
                  </span>
                )}
              />
            )}
            <Typography.Paragraph style={{ margin: '4px 0' }}>
              {t('common.labelled', { label: tile.reference ? t('tile.reference') : t('tile.target') })}
              <span data-testid="tile-target">{show(tile, tile.target)}</span>{' '}
              {tile.reference ? null : tile.met === null ? (
                <Tag>{t('tile.noData')}</Tag>
              ) : tile.met ? (
                <Tag color="#237804">{t('tile.met')}</Tag>
              ) : (
                <Tag color="red">{t('tile.notMet')}</Tag>
              )}
            </Typography.Paragraph>
            <ReflectsNote reflects={tile.reflects} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
