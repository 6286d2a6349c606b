from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.confirmation import Confirmation
from ...models.error import Error
from ...models.withdrawal import Withdrawal
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: Confirmation,
    x_refgraph_institution: str | Unset = UNSET,
    x_refgraph_signature: str,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_refgraph_institution, Unset):
        headers["X-Refgraph-Institution"] = x_refgraph_institution

    headers["X-Refgraph-Signature"] = x_refgraph_signature



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/payouts/confirmations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Withdrawal:
    if response.status_code == 200:
        response_200 = Withdrawal.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())



        return response_422

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Withdrawal]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Confirmation,
    x_refgraph_institution: str | Unset = UNSET,
    x_refgraph_signature: str,

) -> Response[Error | Withdrawal]:
    """ The institution confirms a payout as paid or failed (signed body)

     Signed by the institution the withdrawal's batch was made for, with its
    own secret; or, without X-Refgraph-Institution, with the global
    REFGRAPH_PAYOUT_SECRET, which stands for one institution only: the one
    REFGRAPH_PAYOUT_INSTITUTION names and the batches made without one.

    Args:
        x_refgraph_institution (str | Unset):
        x_refgraph_signature (str):
        body (Confirmation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Withdrawal]
     """


    kwargs = _get_kwargs(
        body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: Confirmation,
    x_refgraph_institution: str | Unset = UNSET,
    x_refgraph_signature: str,

) -> Error | Withdrawal | None:
    """ The institution confirms a payout as paid or failed (signed body)

     Signed by the institution the withdrawal's batch was made for, with its
    own secret; or, without X-Refgraph-Institution, with the global
    REFGRAPH_PAYOUT_SECRET, which stands for one institution only: the one
    REFGRAPH_PAYOUT_INSTITUTION names and the batches made without one.

    Args:
        x_refgraph_institution (str | Unset):
        x_refgraph_signature (str):
        body (Confirmation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Withdrawal
     """


    return sync_detailed(
        client=client,
body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: Confirmation,
    x_refgraph_institution: str | Unset = UNSET,
    x_refgraph_signature: str,

) -> Response[Error | Withdrawal]:
    """ The institution confirms a payout as paid or failed (signed body)

     Signed by the institution the withdrawal's batch was made for, with its
    own secret; or, without X-Refgraph-Institution, with the global
    REFGRAPH_PAYOUT_SECRET, which stands for one institution only: the one
    REFGRAPH_PAYOUT_INSTITUTION names and the batches made without one.

    Args:
        x_refgraph_institution (str | Unset):
        x_refgraph_signature (str):
        body (Confirmation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Withdrawal]
     """


    kwargs = _get_kwargs(
        body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: Confirmation,
    x_refgraph_institution: str | Unset = UNSET,
    x_refgraph_signature: str,

) -> Error | Withdrawal | None:
    """ The institution confirms a payout as paid or failed (signed body)

     Signed by the institution the withdrawal's batch was made for, with its
    own secret; or, without X-Refgraph-Institution, with the global
    REFGRAPH_PAYOUT_SECRET, which stands for one institution only: the one
    REFGRAPH_PAYOUT_INSTITUTION names and the batches made without one.

    Args:
        x_refgraph_institution (str | Unset):
        x_refgraph_signature (str):
        body (Confirmation):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Withdrawal
     """


    return (await asyncio_detailed(
        client=client,
body=body,
x_refgraph_institution=x_refgraph_institution,
x_refgraph_signature=x_refgraph_signature,

    )).parsed
