import { label, LABEL_LINE } from '../../lib/docs/flow-diagram';

describe('diagram labels break into lines a column can hold', () => {
  test('words wrap at spaces, and replacing each <br> by a space gives the text back', () => {
    const text = 'clients: addresses 0.0.0.0/0 except 169.254.0.0/16';
    expect(label(text)).toBe('clients: addresses 0.0.0.0/0 except<br>169.254.0.0/16');
    expect(label(text).replace(/<br>/g, ' ')).toBe(text);
  });

  test('a label selector longer than a line breaks after its = or /, never leaving a line over the limit where it can break', () => {
    const lines = label('kube-system: svccontroller.k3s.cattle.io/svcname=gateway, svccontroller.k3s.cattle.io/svcnamespace=edd-cloud').split('<br>');
    expect(lines).toEqual([
      'kube-system:',
      'svccontroller.k3s.cattle.io/svcname=',
      'gateway,',
      'svccontroller.k3s.cattle.io/',
      'svcnamespace=edd-cloud',
    ]);
    expect(lines.every((l) => l.length <= LABEL_LINE)).toBe(true);
    expect(lines.join('')).toBe('kube-system:svccontroller.k3s.cattle.io/svcname=gateway,svccontroller.k3s.cattle.io/svcnamespace=edd-cloud');
  });

  test('quotes are escaped for a quoted Mermaid label', () => {
    expect(label('say "hi"')).toBe('say #quot;hi#quot;');
  });
});
