import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { newStorefrontForm } from '../model/storefront-form';
import { LivePreview } from './LivePreview';

describe('LivePreview', () => {
  it('draws the checkout in the primary colour and says whether white text on it is readable', () => {
    const values = { ...newStorefrontForm(), name: 'Streamly' };
    values.branding = { ...values.branding, primaryColor: '#0A7B5C', theme: 'dark' };
    const { rerender } = render(<LivePreview values={values} />);
    const preview = screen.getByRole('figure', { name: 'Live preview' });
    expect(preview).toHaveClass('sf-preview-dark');
    expect(preview.style.getPropertyValue('--sf-primary')).toBe('#0A7B5C');
    expect(screen.getByText('Sufficient')).toBeInTheDocument();
    expect(screen.getByText(/White text on #0A7B5C has a contrast of 5\.\d\d:1/)).toBeInTheDocument();

    rerender(<LivePreview values={{ ...values, branding: { ...values.branding, primaryColor: '#FFD54F' } }} />);
    expect(screen.getByRole('figure', { name: 'Live preview' }).style.getPropertyValue('--sf-primary')).toBe('#FFD54F');
    expect(screen.getByText('Not sufficient')).toBeInTheDocument();
  });
});
